// Risk: the drawn QR code differs from the encoded one (a wallet reads nothing, or something else), or its label breaks out of the SVG.
import { render } from 'preact-render-to-string';
import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { MAX_CACHED_QR_PATHS, QrSvg } from './QrSvg.tsx';

const URI =
  'ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266&uint256=10500000';

/** Replays the path's strokes onto a grid: `M x y.5 hN` starts a row, `m dx 0 hN` continues it. */
function readModules(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const d = /<path stroke="#000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([Mmh])(\d+(?:\.5)?)(?: (\d+(?:\.5)?))?/g)) {
    if (command === 'M') {
      x = Number(a);
      y = Number(b) - 0.5;
    } else if (command === 'm') {
      x += Number(a);
    } else {
      for (let i = 0; i < Number(a); i++) {
        const row = grid[y];
        if (row !== undefined) row[x + i] = true;
      }
      x += Number(a);
    }
  }
  return grid;
}

describe('QrSvg', () => {
  it('draws exactly the dark modules of the code, inside a four-module quiet zone', () => {
    const svg = render(<QrSvg text={URI} label="pay" />);
    const qr = qrcode(0, 'M');
    qr.addData(URI, 'Byte');
    qr.make();
    const count = qr.getModuleCount();
    const expected = Array.from({ length: count + 8 }, (_, row) =>
      Array.from({ length: count + 8 }, (_, col) => {
        const isInCode = row >= 4 && col >= 4 && row < count + 4 && col < count + 4;
        return isInCode && qr.isDark(row - 4, col - 4);
      }),
    );
    expect(readModules(svg)).toEqual(expected);
  });

  it('stays small and escapes its label', () => {
    const svg = render(<QrSvg text={URI} label={'"><script>alert(1)</script>'} />);
    expect(svg.length).toBeLessThan(6000);
    expect(svg).toContain('aria-label="&quot;>&lt;script>alert(1)&lt;/script>"');
    expect(svg).not.toMatch(/style=|<script/);
  });

  it('draws the same code from its cache, and again once the text was pushed out of it', () => {
    const first = render(<QrSvg text={URI} label="pay" />);
    expect(render(<QrSvg text={URI} label="again" />)).toBe(first.replace('aria-label="pay"', 'aria-label="again"'));
    // Push the URI out of the cache with other texts; drawn again, it is still the same code.
    for (let i = 0; i < MAX_CACHED_QR_PATHS + 1; i++) render(<QrSvg text={`${URI}${i}`} label="x" />);
    expect(readModules(render(<QrSvg text={URI} label="pay" />))).toEqual(readModules(first));
    expect(readModules(render(<QrSvg text={`${URI}7`} label="x" />))).not.toEqual(readModules(first));
  });
});
