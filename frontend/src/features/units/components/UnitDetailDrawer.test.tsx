import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { unitKeys, type UnitDetail } from '../api/units';
import { session } from '@/lib/session';
import { UnitDetailDrawer } from './UnitDetailDrawer';

const bacLieu: UnitDetail = {
  id: 3,
  name: 'Bạc Liêu',
  kind: 'PROVINCE',
  validFrom: '2008-08-01',
  validTo: '2025-07-01',
  active: false,
  childCount: 3,
  version: 2,
  ancestors: [],
  predecessors: [],
  successors: [
    {
      unit: { id: 1, name: 'Cà Mau', kind: 'PROVINCE' },
      date: '2025-07-01',
      changeKind: 'MERGE',
      note: 'Nghị quyết 202/2025/QH15',
    },
  ],
  formerNames: [{ name: 'Tỉnh Minh Hải', until: '1997-01-01', note: 'Chia tỉnh Minh Hải' }],
  allowedChildKinds: [],
};

function renderDrawer(unit: UnitDetail) {
  const client = new QueryClient();
  client.setQueryData(unitKeys.detail(unit.id), { unit, etag: '"2"' });
  const noop = () => {};
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <UnitDetailDrawer
          unitId={unit.id}
          onClose={noop}
          linkTo={(id) => ({ href: `?unit=${id}`, onClick: noop })}
          onEdit={noop}
          onAddChild={noop}
          onMergeInto={noop}
          onRename={noop}
          onSplit={noop}
          onShowSubtree={noop}
        />
      </AntApp>
    </QueryClientProvider>,
  );
}

async function signInAs(role: 'ADMIN' | 'VIEWER') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        accessToken: 't',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { username: 'u', fullName: 'Người dùng', role },
      }),
    ),
  );
  expect(await session.login('u', 'p')).toBeNull();
  vi.unstubAllGlobals();
}

describe('the unit detail', () => {
  it('shows a retired unit with its successor and no actions that would add to it', async () => {
    await signInAs('ADMIN');
    renderDrawer(bacLieu);
    expect(screen.getByText('Không còn hiệu lực')).toBeInTheDocument();
    expect(screen.getByText(/Sáp nhập vào/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cà Mau' })).toHaveAttribute('href', '?unit=1');
    expect(screen.getByText(/Nghị quyết 202\/2025\/QH15/)).toBeInTheDocument();
    // its former name, dated, on the same timeline
    expect(screen.getByText(/Đổi tên từ «Tỉnh Minh Hải»/)).toBeInTheDocument();
    expect(screen.getByText('Đổi tên')).toBeInTheDocument();
    expect(screen.queryByText('Thêm đơn vị trực thuộc')).not.toBeInTheDocument();
    expect(screen.queryByText('Sáp nhập đơn vị khác vào đây')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Chia tách/ })).not.toBeInTheDocument();
  });

  it('names the parts of a split with the share of figures each took', async () => {
    await signInAs('ADMIN');
    renderDrawer({
      ...bacLieu,
      id: 7,
      formerNames: [],
      successors: [
        {
          unit: { id: 8, name: 'Xã Tân Phú Đông', kind: 'COMMUNE' },
          date: '2020-01-01',
          changeKind: 'SPLIT',
          share: 60,
        },
      ],
    });
    expect(screen.getByText(/Chia tách thành/)).toBeInTheDocument();
    expect(screen.getByText(/60% số liệu/)).toBeInTheDocument();
  });

  it('offers adding and merging on a unit in force to those who may', async () => {
    await signInAs('ADMIN');
    renderDrawer({
      ...bacLieu,
      id: 4,
      validTo: undefined,
      active: true,
      successors: [],
      formerNames: [],
      allowedChildKinds: ['COMMUNE', 'WARD'],
    });
    expect(screen.getByText('Đang hoạt động')).toBeInTheDocument();
    expect(screen.getByText('Thêm đơn vị trực thuộc')).toBeInTheDocument();
    expect(screen.getByText('Sáp nhập đơn vị khác vào đây')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Chia tách/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Lịch sử' })).toBeInTheDocument();
    expect(screen.getByText('Chưa có sáp nhập, chia tách hay đổi tên')).toBeInTheDocument();
  });

  it('offers no child to a unit that takes none (a hamlet)', async () => {
    await signInAs('ADMIN');
    renderDrawer({
      ...bacLieu,
      id: 6,
      kind: 'HAMLET',
      validTo: undefined,
      active: true,
      successors: [],
      allowedChildKinds: [],
    });
    expect(screen.queryByText('Thêm đơn vị trực thuộc')).not.toBeInTheDocument();
  });

  it('shows a viewer no buttons that would change anything, and no history', async () => {
    await signInAs('VIEWER');
    renderDrawer({ ...bacLieu, id: 5, validTo: undefined, active: true, successors: [] });
    expect(screen.queryByText('Thêm đơn vị trực thuộc')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Lịch sử' })).not.toBeInTheDocument();
  });
});
