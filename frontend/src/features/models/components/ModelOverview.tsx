import type { ReactNode } from 'react';
import { Card, Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { formatDate } from '@/lib/format';
import { type ModelDetail } from '../api/models';
import {
  LEAD_ORG_LABELS,
  RECOGNITION_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  TARGET_LABELS,
} from '../labels';
import { Counted } from './modelColumns';
import { PositionText } from '@/components/PositionField';

export function Overview({ model }: { model: ModelDetail }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Lĩnh vực">{model.field.name}</Descriptions.Item>
        <Descriptions.Item label="Loại mô hình">{model.type.name}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị">{model.unit.name}</Descriptions.Item>
        <Descriptions.Item label="Ngày thành lập">
          {formatDate(model.establishedOn)}
        </Descriptions.Item>
        <Descriptions.Item label="Chủ trì">
          {model.leadOrganisations.map((o) => LEAD_ORG_LABELS[o]).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label="Đối tượng">
          {model.targetCommunities.map((t) => TARGET_LABELS[t]).join(', ') || '—'}
        </Descriptions.Item>
        {(model.ethnicGroup || model.religion) && (
          <Descriptions.Item label="Cộng đồng phục vụ" span={2}>
            {[model.ethnicGroup?.name, model.religion?.name].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Số tổ">
          <Counted counted={model.teamCount} declared={model.declaredTeams} />
        </Descriptions.Item>
        <Descriptions.Item label="Số thành viên">
          <Counted counted={model.memberCount} declared={model.declaredMembers} />
        </Descriptions.Item>
        <Descriptions.Item label="Mô tả" span={2}>
          {model.description ?? '—'}
        </Descriptions.Item>
        {model.position && (
          <Descriptions.Item label="Vị trí" span={2}>
            <PositionText position={model.position} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title="Quá trình hoạt động">
        <Timeline
          items={[
            {
              key: 'start',
              title: formatDate(model.establishedOn),
              content: 'Thành lập, đăng ký mô hình',
            },
            ...model.statusHistory.map((h, i) => ({
              key: i,
              color: STATUS_COLORS[h.toStatus] === 'default' ? 'gray' : STATUS_COLORS[h.toStatus],
              title: formatDate(h.date),
              content: (
                <div>
                  <b>{STATUS_LABELS[h.toStatus]}</b> — {h.actorName}
                  {h.reason && <div>Lý do: {h.reason}</div>}
                  {h.note && <div>{h.note}</div>}
                </div>
              ),
            })),
          ]}
        />
      </Card>
      {model.sites.length > 0 && (
        <Card size="small" title="Nơi nhân rộng">
          <List
            size="small"
            dataSource={model.sites}
            renderItem={(s) => (
              <List.Item>
                {s.unit.name} — từ {formatDate(s.since)}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}

export function Awards({
  model,
  awardsOf,
}: {
  model: ModelDetail;
  awardsOf?: (modelId: number) => ReactNode;
}) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {model.recognitions.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="Mô hình chưa được công nhận điển hình"
        />
      ) : (
        <List
          header={<b>Công nhận điển hình</b>}
          bordered
          dataSource={model.recognitions}
          renderItem={(r) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  <Tag color="gold">{RECOGNITION_LABELS[r.level]}</Tag> Quyết định số{' '}
                  {r.decisionNumber} ngày {formatDate(r.decisionDate)}
                </span>
                {r.authority && <Typography.Text type="secondary">{r.authority}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {awardsOf?.(model.id)}
    </Space>
  );
}
