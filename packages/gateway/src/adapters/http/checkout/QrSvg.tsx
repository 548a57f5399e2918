import qrcode from 'qrcode-generator';

export type QrSvgProps = {
  readonly text: string;
  /** Accessible name of the image. */
  readonly label: string;
};

/** Modules of light border around the code, as the QR specification asks (4). */
const QUIET_ZONE = 4;

/**
 * Paths kept, by text. Encoding one takes 2–3 ms, and the live feed re-renders every open payable
 * page each second with the same address and amount: without the cache a hundred open checkouts
 * would cost a quarter of a core. A path is 2–6 KB, so the cache holds at most about 6 MB.
 */
export const MAX_CACHED_QR_PATHS = 1_000;
const drawnPaths = new Map<string, { size: number; path: string }>();

/**
 * An inline SVG QR code of `text`, drawn as one stroked path of horizontal runs so the markup stays small
 * (a few KB for an EIP-681 URI). No styles or scripts inside, so it passes a strict CSP inline.
 */
export function QrSvg({ text, label }: QrSvgProps) {
  const { size, path } = drawCachedQrPath(text);
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

/** `drawQrPath` remembered for the last {@link MAX_CACHED_QR_PATHS} texts drawn (oldest dropped first). */
function drawCachedQrPath(text: string): { size: number; path: string } {
  const cached = drawnPaths.get(text);
  if (cached !== undefined) return cached;
  const drawn = drawQrPath(text);
  if (drawnPaths.size >= MAX_CACHED_QR_PATHS) {
    const oldest = drawnPaths.keys().next();
    if (oldest.done !== true) drawnPaths.delete(oldest.value);
  }
  drawnPaths.set(text, drawn);
  return drawn;
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
