import { Alert, Empty, Skeleton, Tag, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { formatDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { unitChildrenQuery, unitDetailQuery, unitListQuery, type Unit } from '../api/units';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS } from '@/lib/unitKinds';

interface UnitTreeProps {
  /** The root of a user bound to a unit (their territory); the top of the tree otherwise. */
  rootId?: number;
  /** Only units in force on this day; all when absent. */
  activeOn?: string;
  selectedId?: number;
  onSelect: (unit: Unit | undefined) => void;
}

function nodeTitle(u: Unit) {
  return (
    <span className={u.active ? undefined : 'unit-retired'}>
      <span className="unit-name">{u.name}</span>{' '}
      <Tag color={UNIT_KIND_COLORS[u.kind]} style={{ marginInlineStart: 4 }}>
        {UNIT_KIND_LABELS[u.kind]}
      </Tag>
      {!u.active && u.validTo && (
        <Typography.Text type="secondary">đến {formatDate(u.validTo)}</Typography.Text>
      )}
    </span>
  );
}

function buildTree(list: Unit[], children: Record<string, Unit[]>): DataNode[] {
  return list.map((u) => {
    const loaded = children[`${u.id}`];
    return {
      key: String(u.id),
      title: nodeTitle(u),
      isLeaf: u.childCount === 0,
      children: loaded ? buildTree(loaded, children) : undefined,
    };
  });
}

/** The unit tree, loading each level's children when it is opened. */
export function UnitTree({ rootId, activeOn, selectedId, onSelect }: UnitTreeProps) {
  const client = useQueryClient();
  const top = useQuery({
    ...unitListQuery({ topLevel: true, activeOn, size: 200 }),
    enabled: rootId === undefined,
  });
  const own = useQuery({ ...unitDetailQuery(rootId ?? 0), enabled: rootId !== undefined });
  const roots =
    rootId === undefined
      ? top
      : { ...own, data: own.data ? { content: [own.data.unit as Unit] } : undefined };
  const [children, setChildren] = useState<Record<string, Unit[]>>({});
  const [units, setUnits] = useState<Record<string, Unit>>({});
  const [expanded, setExpanded] = useState<React.Key[]>([]);

  const treeData = useMemo(
    () => buildTree(roots.data?.content ?? [], children),
    [roots.data, children],
  );

  const loadData = async (node: EventDataNode<DataNode>) => {
    const id = Number(node.key);
    if (children[`${id}`]) return;
    const list = await client.fetchQuery(unitChildrenQuery(id, activeOn));
    setChildren((prev) => ({ ...prev, [`${id}`]: list }));
    setUnits((prev) => ({ ...prev, ...Object.fromEntries(list.map((u) => [`${u.id}`, u])) }));
  };

  // the activeOn filter changes what every level holds: reload from the roots
  const [forFilter, setForFilter] = useState(activeOn);
  if (forFilter !== activeOn) {
    setForFilter(activeOn);
    setChildren({});
    setExpanded([]);
  }

  if (roots.isLoading) return <Skeleton active />;
  if (roots.isError) return <Alert type="error" showIcon title={problemMessage(roots.error)} />;
  if (!treeData.length) return <Empty description="Chưa có đơn vị" />;

  const byId = (key: string) => units[key] ?? roots.data?.content.find((u) => `${u.id}` === key);

  return (
    <Tree
      aria-label="Cây đơn vị"
      showLine
      blockNode
      treeData={treeData}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selectedId ? [String(selectedId)] : []}
      onSelect={(keys) => {
        const key = keys[0];
        onSelect(key === undefined ? undefined : byId(String(key)));
      }}
      height={640}
    />
  );
}
