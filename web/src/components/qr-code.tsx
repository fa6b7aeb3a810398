import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/**
 * A QR code drawn locally as one SVG path (qrcode-generator: no network, no canvas). Dark modules
 * on a light quiet zone whatever the theme, since phone cameras need the contrast.
 */
export function QrCode({ text, sizePx = 220, label }: { text: string; sizePx?: number; label: string }) {
  const { count, path } = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const modules = code.getModuleCount();
    let d = '';
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) if (code.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    return { count: modules, path: d };
  }, [text]);
  const side = count + 8;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${side} ${side}`} width={sizePx} height={sizePx} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
