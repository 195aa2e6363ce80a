import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { PagedTable } from '@/components/PagedTable';
import { formatDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useDeleteExemplaryPolice, useExemplaryPolice, type ExemplaryPolice } from '../api/safety';
import { PoliceDialog } from './PoliceDialog';

/** The exemplary ward police designations, newest year first; the province records them. */
export function ExemplaryPoliceList() {
  const rights = useRights();
  const { message } = App.useApp();
  const [page, setPage] = useState(0);
  const list = useExemplaryPolice({ page, size: 20 });
  const remove = useDeleteExemplaryPolice();
  const [adding, setAdding] = useState(false);
  const columns: ColumnsType<ExemplaryPolice> = [
    { title: 'Năm', dataIndex: 'year', key: 'year', width: 80 },
    { title: 'Đơn vị công an', key: 'unit', render: (_, e) => e.unit.name },
    { title: 'Phường', key: 'ward', render: (_, e) => e.ward.name },
    {
      title: 'Quyết định',
      key: 'decision',
      render: (_, e) => `${e.decisionNumber}, ${formatDate(e.decidedOn)}`,
    },
    { title: 'Cấp công nhận', dataIndex: 'authority', key: 'authority' },
    ...(rights.reorganise
      ? [
          {
            title: '',
            key: 'actions',
            width: 60,
            render: (_: unknown, e: ExemplaryPolice) => (
              <Popconfirm
                title="Xóa danh hiệu ghi nhầm này?"
                okText="Xóa"
                cancelText="Không"
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync({ id: e.id, etag: `"${e.version}"` });
                    message.success('Đã xóa');
                  } catch (err) {
                    message.error(problemMessage(err));
                  }
                }}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`Xóa danh hiệu ${e.unit.name} ${e.year}`}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Danh hiệu hằng năm của đơn vị công an phường; cấp tỉnh ghi theo quyết định công nhận.
        </Typography.Text>
        {rights.reorganise && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Ghi danh hiệu
          </Button>
        )}
      </Flex>
      <PagedTable
        query={list}
        columns={columns}
        paging={{ page, size: 20 }}
        onChange={(p) => setPage((p.current ?? 1) - 1)}
        noun="lượt công nhận"
        empty="Chưa có đơn vị được công nhận"
        sizeChanger={false}
      />
      {adding && <PoliceDialog onClose={() => setAdding(false)} />}
    </>
  );
}
