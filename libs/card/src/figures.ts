import type { PublicCardDto } from '@lianqiao/contracts';

export interface CardFigure {
  label: string;
  value: string;
}

/** "8000万元" below 1 亿, "2.5亿元" from 1 亿 up: how a card states a scale. */
export function formatInvestmentScale(wan: number): string {
  if (wan >= 10_000) return `${Number((wan / 10_000).toFixed(2))}亿元`;
  return `${wan}万元`;
}

function formatNumber(value: number): string {
  return Number(value.toFixed(2))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The card's key figures in the order an investor reads them; the poster shows the same. */
export function keyFigures(
  card: Pick<PublicCardDto, 'investmentScaleWan' | 'landMu' | 'floorAreaM2' | 'location'>,
): CardFigure[] {
  const figures: CardFigure[] = [];
  if (card.investmentScaleWan !== null && card.investmentScaleWan !== undefined) {
    figures.push({ label: '投资规模', value: formatInvestmentScale(card.investmentScaleWan) });
  }
  if (card.landMu !== null && card.landMu !== undefined)
    figures.push({ label: '用地面积', value: `${formatNumber(card.landMu)}亩` });
  if (card.floorAreaM2 !== null && card.floorAreaM2 !== undefined) {
    figures.push({ label: '建筑面积', value: `${formatNumber(card.floorAreaM2)}㎡` });
  }
  if (card.location) figures.push({ label: '项目位置', value: card.location });
  return figures;
}
