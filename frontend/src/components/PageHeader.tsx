import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's title with its actions beside it; on a narrow screen the actions wrap below the title
 * instead of squeezing it.
 */
export function PageHeader({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {actions && (
        <Flex wrap gap={8}>
          {actions}
        </Flex>
      )}
    </Flex>
  );
}
