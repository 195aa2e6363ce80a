import { fireEvent, render, screen, within } from '@testing-library/react';
import { Tag } from 'antd';
import { PagedCards } from './PagedCards';

interface Row {
  id: number;
  name: string;
  unit: { name: string };
  status: string;
}

const rows: Row[] = [
  { id: 1, name: 'Tổ tự quản Khóm 1', unit: { name: 'Phường Bạc Liêu' }, status: 'ACTIVE' },
  { id: 2, name: 'Câu lạc bộ Khóm 3', unit: { name: 'Phường Bạc Liêu' }, status: 'REVIEWED' },
];

describe('a list on a phone', () => {
  it('shows each row as a card: the first column as its title, the others labelled', () => {
    const opened: Row[] = [];
    const pages: number[][] = [];
    render(
      <PagedCards<Row>
        query={{
          data: { content: rows, totalElements: 45 },
          isFetching: false,
          isError: false,
          error: null,
        }}
        columns={[
          { title: 'Tên mô hình', dataIndex: 'name', key: 'name' },
          { title: 'Đơn vị', dataIndex: ['unit', 'name'], key: 'unit' },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            key: 'status',
            render: (s: string) => <Tag>{s}</Tag>,
          },
        ]}
        paging={{ page: 0, size: 20 }}
        onPage={(page, size) => pages.push([page, size])}
        noun="mô hình"
        empty="Chưa có mô hình"
        onOpen={(r) => opened.push(r)}
        rowKey="id"
      />,
    );
    expect(screen.getByText('45 mô hình')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Danh sách mô hình' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getAllByText('Đơn vị')).toHaveLength(2);
    expect(screen.getAllByText('Phường Bạc Liêu')).toHaveLength(2);
    expect(screen.getByText('REVIEWED')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Câu lạc bộ Khóm 3'));
    expect(opened.map((r) => r.id)).toEqual([2]);
    fireEvent.click(document.querySelector('.ant-pagination-next button') as HTMLElement);
    expect(pages).toEqual([[2, 20]]);
  });
});
