import qrcode from 'qrcode-generator';

/** Light modules around the code, as the QR specification asks. */
const QUIET_ZONE = 4;

/**
 * An `otpauth://` URI as an SVG QR code for an authenticator app to scan. One path of unit squares
 * drawn by Preact like any element (no raw markup), so the strict CSP holds.
 */
export function TotpQrCode({ uri, label }: { readonly uri: string; readonly label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(uri, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const size = count + QUIET_ZONE * 2;
  let d = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    <svg
      class="totp-qr"
      viewBox={`0 0 ${size} ${size}`}
      width="200"
      height="200"
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
