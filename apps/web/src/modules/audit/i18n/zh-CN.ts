/** 操作记录: the audit trail of a record. */
export const auditZhCN = {
  title: '操作记录',
  empty: '暂无操作记录',
  actions: {
    create: '创建',
    update: '修改',
    delete: '删除',
    restore: '恢复',
    merge: '合并',
    merged_into: '被合并',
    transition: '阶段变更',
    convert: '转为项目',
  },
  field: '字段',
  before: '修改前',
  after: '修改后',
  noChanges: '无字段变化',
  system: '系统',
  created: '创建了记录',
};
