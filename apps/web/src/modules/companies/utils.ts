import { usccProblem, normalizeUscc } from '@lianqiao/domain';
import type { TFunction } from 'i18next';

/** Provinces as HQ locations are written (short names), for the filter and the form. */
export const PROVINCES = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
  '台湾',
] as const;

/**
 * The form's check of a USCC with the same GB 32100-2015 rule as the server (which stays the
 * authority): empty is allowed, anything else must be 18 valid characters with the right check.
 */
export function usccRule(t: TFunction) {
  return {
    validator: async (_: unknown, raw: string | undefined) => {
      const code = normalizeUscc(raw ?? '');
      if (!code) return;
      const problem = usccProblem(code);
      if (problem) throw new Error(t(`companies.uscc.${problem}`));
    },
  };
}

/** The names the server gave for a likely-duplicate 409: `疑似重复：name (id)` per detail. */
export function duplicateNamesOf(details: { field: string; message: string }[]): { name: string; id: string | null }[] {
  return details
    .filter((detail) => detail.field === 'name')
    .map((detail) => {
      const match = /[:：]\s*(.+?)\s*\(([0-9a-f-]{36})\)\s*$/i.exec(detail.message);
      return match ? { name: match[1], id: match[2] } : { name: detail.message, id: null };
    });
}
