import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { Assessments } from './Assessments';
import { ExemplaryPoliceList } from './ExemplaryPoliceList';

/**
 * An toàn về ANTT: the yearly assessments of the territory's residential areas, communes,
 * agencies, enterprises and schools (TT 124/2021/TT-BCA, 48/2025/TT-BCA), and the exemplary
 * ward police designations.
 */
export function SafetyPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'cong-an' ? 'cong-an' : 'danh-gia';
  return (
    <>
      <Typography.Title level={3}>An toàn về an ninh, trật tự</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'cong-an' ? { tab: k } : {})}
        items={[
          { key: 'danh-gia', label: 'Đánh giá đạt chuẩn', children: <Assessments /> },
          {
            key: 'cong-an',
            label: 'Công an phường điển hình, kiểu mẫu',
            children: <ExemplaryPoliceList />,
          },
        ]}
      />
    </>
  );
}
