import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { DevWalletPanel, type DevWalletPanelProps } from './DevWalletPanel.tsx';

export type RenderDevWalletPanelParameters = DevWalletPanelProps;

/**
 * The sandbox wallet panel as HTML: the checkout page takes it as a string, handed from the
 * sandbox's composition (`kassa dev`) through the gateway's options, and inserts it as trusted
 * markup, which it is: the renderer escaped every value when it made it.
 */
export function renderDevWalletPanel(p: RenderDevWalletPanelParameters): string {
  return render(h(DevWalletPanel, p));
}
