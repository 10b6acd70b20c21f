import type { DrillDto } from '@lianqiao/contracts';

/** The console address a figure's drill names: the list route with its filters set. */
export function drillHref(drill: DrillDto): string {
  const search = new URLSearchParams(drill.query).toString();
  return search ? `${drill.path}?${search}` : drill.path;
}

/** 万元 as 亿元 with two decimals. */
export function wanToYi(wan: number): number {
  return Math.round(wan / 100) / 100;
}
