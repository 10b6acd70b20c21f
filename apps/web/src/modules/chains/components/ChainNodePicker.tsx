import type { ChainNodeDto } from '@lianqiao/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChainCatalog } from '../hooks/useChains';

interface TreeOption {
  value: string;
  title: string;
  selectable?: boolean;
  disabled?: boolean;
  children?: TreeOption[];
}

function optionsOf(nodes: ChainNodeDto[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: optionsOf(node.children) }));
}

type PickerProps = {
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
} & (
  | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
  | { multiple?: false; value?: string; onChange?: (value: string | undefined) => void }
);

/**
 * Chain segments to pick from, grouped under their chain (the chain itself is a heading, not a
 * choice). One segment for a filter, several for a record's tags.
 */
export function ChainNodePicker(props: PickerProps) {
  const { t } = useTranslation();
  const catalog = useChainCatalog();
  const treeData = useMemo(
    () =>
      catalog.trees.map((tree): TreeOption => ({
        value: `chain:${tree.code}`,
        title: tree.name,
        selectable: false,
        disabled: props.multiple,
        children: optionsOf(tree.nodes),
      })),
    [catalog.trees, props.multiple],
  );
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={treeData}
      loading={catalog.isLoading}
      placeholder={props.placeholder ?? t('chains.picker.placeholder')}
      style={props.style}
      multiple={props.multiple}
      treeDefaultExpandAll={false}
      maxTagCount="responsive"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 260, maxHeight: 420, overflow: 'auto' } } }}
      value={props.value}
      onChange={(value: string | string[] | undefined) =>
        (props.onChange as ((value: string | string[] | undefined) => void) | undefined)?.(value)
      }
    />
  );
}
