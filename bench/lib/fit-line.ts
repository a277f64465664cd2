export interface LineFit {
  slope: number;
  intercept: number;
  /** 1 when every point lies on the line; how "linear" the growth is. */
  rSquared: number;
}

/** Least-squares line through `points` ({x, y}); needs two distinct x values. */
export function fitLine(points: ReadonlyArray<{ x: number; y: number }>): LineFit {
  const count = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / count;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / count;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
    varianceY += (y - meanY) ** 2;
  }
  const slope = covariance / varianceX;
  const rSquared = varianceY === 0 ? 1 : (covariance * covariance) / (varianceX * varianceY);
  return { slope, intercept: meanY - slope * meanX, rSquared };
}
