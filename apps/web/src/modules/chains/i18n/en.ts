import type { chainsZhCN } from './zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const chainsEn: Strings<typeof chainsZhCN> = {
  title: 'Industry chain map',
  subtitle:
    'Local and target companies at each segment, upstream to downstream: fill the gaps, strengthen the weak links',
  switcher: 'Choose a chain',
  chainKinds: { chain: 'Chain', sector: 'Sector' },
  layers: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream', unassigned: 'Unassigned' },
  levels: { gap: 'Gap', weak: 'Weak', strong: 'Strong' },
  levelHelp: 'Local companies: none = gap, 1–2 = weak, 3 or more = strong',
  local: 'Local companies',
  target: 'Target companies',
  localCount: 'Local {{count}}',
  targetCount: 'Target {{count}}',
  chainLeader: 'Chain leader',
  chainLeaders: 'Chain leaders',
  summary: {
    segments: 'Segments',
    gaps: 'Gaps',
    weak: 'Weak links',
    strong: 'Strong links',
  },
  gapList: 'Segments to fill',
  gapListEmpty: 'This chain has no gaps',
  emptySector: 'This sector has no segments yet',
  emptySectorAdmin: 'Add the first segment to grow the sector into a chain',
  loadFailed: 'The chain could not be loaded',
  node: {
    companies: 'Local companies',
    targets: 'Target companies',
    leads: 'Related leads',
    projects: 'Related projects',
    children: 'Sub-segments',
    noLeaders: 'No chain leader yet',
  },
  edit: {
    manage: 'Edit segments',
    add: 'Add segment',
    addChild: 'Add sub-segment',
    rename: 'Rename',
    remove: 'Remove segment',
    removeConfirm: 'Remove the segment “{{name}}”? Companies, leads and projects tagged with it keep their other data.',
    removed: 'Segment {{name}} removed',
    saved: 'Segment {{name}} saved',
    created: 'Segment {{name}} added',
    name: 'Segment name',
    namePlaceholder: 'e.g. Fuel cells',
    parent: 'Parent segment',
    parentNone: 'None (top level)',
    layer: 'Position',
  },
  picker: {
    placeholder: 'Choose chain segments',
    filter: 'Chain segment',
  },
};
