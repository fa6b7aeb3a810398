/** The plot area inside a chart's SVG, in pixels. */
export interface PlotBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room for y tick labels and the unit on the left, time labels below, marker labels above. */
const MARGIN_PX = { top: 16, right: 12, bottom: 22, left: 52 } as const;

export function plotBox(widthPx: number, heightPx: number): PlotBox {
  return {
    left: MARGIN_PX.left,
    top: MARGIN_PX.top,
    right: Math.max(MARGIN_PX.left + 1, widthPx - MARGIN_PX.right),
    bottom: Math.max(MARGIN_PX.top + 1, heightPx - MARGIN_PX.bottom),
  };
}
