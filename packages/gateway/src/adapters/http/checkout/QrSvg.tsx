import qrcode from 'qrcode-generator';

export type QrSvgProps = {
  readonly text: string;
  /** Accessible name of the image. */
  readonly label: string;
};

/** Modules of light border around the code, as the QR specification asks (4). */
const QUIET_ZONE = 4;

/**
 * An inline SVG QR code of `text`, drawn as one stroked path of horizontal runs so the markup stays small
 * (a few KB for an EIP-681 URI). No styles or scripts inside, so it passes a strict CSP inline.
 */
export function QrSvg({ text, label }: QrSvgProps) {
  const { size, path } = drawQrPath(text);
  return (
    <svg
      class="qr-code"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path stroke="#000" d={path} />
    </svg>
  );
}

/** The code's side in modules (quiet zone included) and the path of its dark modules. */
function drawQrPath(text: string): { size: number; path: string } {
  // Level M survives a scratched or glare-covered phone screen while keeping the code sparse.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    // Each run of dark modules is a 1-unit-wide stroke through the middle of the row; runs after
    // the first move relatively from the end of the previous one.
    let penAt = -1;
    let col = 0;
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col++;
      path += penAt < 0 ? `M${start + QUIET_ZONE} ${row + QUIET_ZONE}.5` : `m${start - penAt} 0`;
      path += `h${col - start}`;
      penAt = col;
    }
  }
  return { size: count + QUIET_ZONE * 2, path };
}
