import { Alert, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '@/lib/problem';
import { formatNumber } from '@/lib/format';
import { useMemberSearch, type Member } from '../api/models';
import { GENDER_LABELS, ROLE_LABELS } from '../labels';

/** Tìm thành viên: one search over the rosters of every team in the user's territory. */
export function MemberSearch() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const result = useMemberSearch({ q, page, size: 20 });
  return (
    <>
      <Input.Search
        aria-label="Tìm thành viên"
        placeholder="Họ tên thành viên (không cần dấu), ít nhất 2 ký tự"
        allowClear
        style={{ maxWidth: 480, marginBottom: 16 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(0);
        }}
      />
      {result.isError && <Alert type="error" showIcon title={problemMessage(result.error)} />}
      {q.length >= 2 && result.data?.totalCapped && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Có hơn ${formatNumber(result.data.totalElements)} người khớp "${q}"`}
          description="Danh sách chỉ hiện những người khớp đầu tiên, xếp theo tên tính từ chữ khớp. Hãy gõ đầy đủ họ tên hoặc chọn đơn vị để thu hẹp kết quả."
        />
      )}
      <Table<Member>
        rowKey="id"
        size="middle"
        loading={result.isFetching}
        dataSource={q.length >= 2 ? result.data?.content : []}
        locale={{
          emptyText: q.length >= 2 ? 'Không tìm thấy thành viên' : 'Nhập họ tên để tìm',
        }}
        pagination={{
          current: page + 1,
          pageSize: 20,
          total: result.data?.totalElements,
          onChange: (p) => setPage(p - 1),
          showTotal: (t) =>
            result.data?.totalCapped
              ? `Hơn ${formatNumber(t)} thành viên`
              : `${formatNumber(t)} thành viên`,
        }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          {
            title: 'Giới tính',
            dataIndex: 'gender',
            render: (g: Member['gender']) => GENDER_LABELS[g],
          },
          { title: 'Năm sinh', dataIndex: 'birthYear' },
          { title: 'Vai trò', dataIndex: 'role', render: (r: Member['role']) => ROLE_LABELS[r] },
          { title: 'Tổ', dataIndex: 'teamName' },
          {
            title: 'Mô hình',
            key: 'model',
            render: (_, m) => <Link to={`/mo-hinh/${m.modelId}?tab=roster`}>{m.modelName}</Link>,
          },
          {
            title: 'Điện thoại',
            dataIndex: 'phone',
            render: (p: string | undefined, m) =>
              m.masked ? <Typography.Text type="secondary">{p}</Typography.Text> : p,
          },
        ]}
      />
    </>
  );
}
