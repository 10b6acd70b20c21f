import type { ChainLayer } from '@lianqiao/contracts';

export interface TaxonomyNode {
  name: string;
  layer: ChainLayer;
  children?: string[];
}
export interface TaxonomyChain {
  code: string;
  name: string;
  kind: 'chain' | 'sector';
  nodes: TaxonomyNode[];
}

/**
 * The seeded taxonomy: the "two wheels" as trees of real segments, and the other sectors flat.
 * Loaded idempotently on every start; admins grow it from the console.
 */
export const CHAIN_TAXONOMY: TaxonomyChain[] = [
  {
    code: 'automotive',
    name: '汽车',
    kind: 'chain',
    nodes: [
      { name: '动力电池', layer: 'upstream', children: ['正负极材料', '电解液与隔膜', '电芯与模组', '电池管理系统'] },
      { name: '电机电控', layer: 'upstream', children: ['驱动电机', '电机控制器', '减速器'] },
      { name: '汽车电子', layer: 'upstream', children: ['车规级芯片', '智能座舱', '自动驾驶传感器'] },
      { name: '汽车零部件', layer: 'upstream', children: ['底盘系统', '热管理系统', '轮胎与橡胶件'] },
      { name: '车身及内外饰', layer: 'midstream', children: ['白车身与冲压件', '汽车玻璃', '座椅与内饰'] },
      { name: '整车制造', layer: 'midstream', children: ['乘用车', '商用车', '新能源汽车'] },
      { name: '汽车后市场', layer: 'downstream', children: ['销售与金融', '维修保养', '二手车与回收利用'] },
      { name: '充换电服务', layer: 'downstream' },
    ],
  },
  {
    code: 'rail_transit',
    name: '轨道交通',
    kind: 'chain',
    nodes: [
      { name: '碳纤维复合材料', layer: 'upstream' },
      { name: '铝合金型材', layer: 'upstream' },
      { name: '轴承与轮对', layer: 'upstream' },
      { name: '转向架', layer: 'midstream' },
      { name: '牵引传动', layer: 'midstream', children: ['牵引变流器', '牵引电机'] },
      { name: '制动系统', layer: 'midstream' },
      { name: '网络控制与信号', layer: 'midstream', children: ['列车网络控制', '通信信号系统'] },
      { name: '车体与内装', layer: 'midstream' },
      { name: '车辆整车', layer: 'midstream' },
      { name: '运维检修', layer: 'downstream' },
      { name: '智慧运营服务', layer: 'downstream' },
    ],
  },
  ...[
    ['new_energy', '新能源'],
    ['new_materials', '新材料'],
    ['robotics', '机器人及智能制造'],
    ['energy_saving', '节能环保'],
    ['digital_economy', '数字经济'],
    ['modern_finance', '现代金融'],
    ['culture_creative', '文化创意'],
    ['commerce_logistics', '商贸物流'],
    ['food_agriculture', '食品及农业'],
  ].map(([code, name]): TaxonomyChain => ({ code, name, kind: 'sector', nodes: [] })),
];
