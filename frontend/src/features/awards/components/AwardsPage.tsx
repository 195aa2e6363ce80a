import { api } from '@/lib/api/client';
import { ExportButton } from '@/components/ExportButton';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DateRangeFilter, FilterCard, SearchFilter, SelectFilter } from '@/components/ListFilters';
import { useCatalogue } from '@/lib/catalogues';
import { UnitPicker } from '@/components/UnitPicker';
import { formatDate, formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useTableParams } from '@/lib/useTableParams';
import { useRights } from '@/lib/useSession';
import {
  RECIPIENT_KIND_LABELS,
  useAwardCounts,
  useAwards,
  type Award,
  type RecipientKind,
} from '../api/awards';
import { AwardFormDialog } from './AwardFormDialog';

const FILTERS = ['q', 'formId', 'typeId', 'authorityId', 'kind', 'unitId', 'from', 'to'] as const;

/** Khen thưởng: the decisions of the user's territory with their counts by form and kind. */
export function AwardsPage() {
  const table = useTableParams(FILTERS);
  const { state, onChange, setFilter, sortOrderOf } = table;
  const f = state.filters;
  const rights = useRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const forms = useCatalogue('AWARD_FORM');
  const types = useCatalogue('AWARD_TYPE');
  const authorities = useCatalogue('AWARD_AUTHORITY');
  const num = (k: (typeof FILTERS)[number]) => (f[k]?.[0] ? Number(f[k][0]) : undefined);
  const filter = {
    q: f.q?.[0],
    formId: num('formId'),
    typeId: num('typeId'),
    authorityId: num('authorityId'),
    recipientKind: f.kind?.[0] as RecipientKind | undefined,
    unitId: num('unitId'),
    from: f.from?.[0],
    to: f.to?.[0],
  };
  const list = useAwards({ ...filter, page: state.page, size: state.size, sort: state.sort });
  const counts = useAwardCounts(filter);
  const options = (items?: { id: number; name: string }[]) =>
    (items ?? []).map((i) => ({ value: String(i.id), label: i.name }));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Khen thưởng
        </Typography.Title>
        <Space>
          <ExportButton
            fallbackName="khen-thuong"
            fetchFile={async (format) =>
              api.GET('/api/awards/export', {
                params: { query: { format, ...filter, sort: state.sort } },
                parseAs: 'blob',
              })
            }
          />
          {rights.write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Ghi quyết định khen thưởng
            </Button>
          )}
        </Space>
      </Space>

      <FilterCard>
        <SearchFilter
          table={table}
          label="Tìm khen thưởng"
          placeholder="Tên tập thể, cá nhân hoặc số quyết định (không cần dấu)"
        />
        <SelectFilter
          table={table}
          name="formId"
          label="Hình thức"
          placeholder="Mọi hình thức"
          options={options(forms.data)}
          md={4}
        />
        <SelectFilter
          table={table}
          name="typeId"
          label="Loại khen thưởng"
          placeholder="Mọi loại"
          options={options(types.data)}
          md={4}
        />
        <SelectFilter
          table={table}
          name="authorityId"
          label="Cấp khen thưởng"
          placeholder="Mọi cấp khen"
          options={options(authorities.data)}
          md={4}
        />
        <SelectFilter
          table={table}
          name="kind"
          label="Đối tượng"
          placeholder="Tập thể và cá nhân"
          options={(['COLLECTIVE', 'INDIVIDUAL'] as const).map((k) => ({
            value: k,
            label: RECIPIENT_KIND_LABELS[k],
          }))}
          md={4}
        />
        <Col xs={24} md={8}>
          <UnitPicker
            aria-label="Địa bàn người được khen"
            placeholder="Địa bàn người được khen: mọi đơn vị"
            value={filter.unitId}
            onChange={(v) => setFilter('unitId', v === undefined ? undefined : String(v))}
          />
        </Col>
        <DateRangeFilter
          table={table}
          label="Ngày quyết định"
          placeholders={['Quyết định từ ngày', 'đến ngày']}
          md={8}
        />
      </FilterCard>

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic
              title="Quyết định"
              value={counts.data?.decisions ?? 0}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic
              title="Lượt tập thể"
              value={counts.data?.collectives ?? 0}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic
              title="Lượt cá nhân"
              value={counts.data?.individuals ?? 0}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title="Theo hình thức" styles={{ body: { paddingTop: 8 } }}>
            {counts.data?.byForm.length ? (
              <Space wrap>
                {counts.data.byForm.map((c) => (
                  <Tag
                    key={c.form.id}
                    color="gold"
                    style={{ cursor: 'pointer' }}
                    onClick={() => setFilter('formId', String(c.form.id))}
                  >
                    {c.form.name}: {formatNumber(c.collectives)} tập thể,{' '}
                    {formatNumber(c.individuals)} cá nhân
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">Chưa có</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(list.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Award>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        onChange={onChange}
        onRow={(a) => ({
          onClick: () => void navigate(`/khen-thuong/${a.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: 'Không có quyết định phù hợp' }}
        pagination={{
          current: state.page + 1,
          pageSize: state.size,
          total: list.data?.totalElements,
          showSizeChanger: true,
          showTotal: (t) => `${formatNumber(t)} quyết định`,
        }}
        columns={[
          {
            title: 'Ngày ký',
            dataIndex: 'decidedOn',
            key: 'decidedOn',
            width: 120,
            sorter: true,
            sortOrder: sortOrderOf('decidedOn') ?? (state.sort ? null : 'descend'),
            render: formatDate,
          },
          {
            title: 'Số quyết định',
            dataIndex: 'number',
            key: 'number',
            width: 170,
            sorter: true,
            sortOrder: sortOrderOf('number'),
            render: (n: string) => <Typography.Link>{n}</Typography.Link>,
          },
          {
            title: 'Cơ quan, người ký',
            key: 'issuer',
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <span>{a.issuerName}</span>
                {a.signer && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.signer}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: 'Hình thức',
            key: 'form',
            width: 190,
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <span>{a.form.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.type.name}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Tập thể',
            dataIndex: 'collectiveCount',
            key: 'collectives',
            align: 'right',
            width: 90,
            render: (n: number) => formatNumber(n),
          },
          {
            title: 'Cá nhân',
            dataIndex: 'individualCount',
            key: 'individuals',
            align: 'right',
            width: 90,
            render: (n: number) => formatNumber(n),
          },
        ]}
      />
      {creating && (
        <AwardFormDialog
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/khen-thuong/${id}`);
          }}
        />
      )}
    </>
  );
}
