/** 万元 with thousands separators (zh-CN style grouping). */
export function formatWan(value: number): string {
  return value.toLocaleString('zh-CN');
}
