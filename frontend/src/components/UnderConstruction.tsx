import { Result } from 'antd';

/** A page whose feature has not landed yet. */
export function UnderConstruction({ title }: { title: string }) {
  return (
    <Result
      status="info"
      title={title}
      subTitle="Chức năng này đang xây dựng và sẽ có trong các phiên bản tới."
    />
  );
}
