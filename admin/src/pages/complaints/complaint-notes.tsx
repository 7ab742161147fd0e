import type { ReactNode } from 'react';
import { CheckCircleOutlined, EditOutlined, ExclamationCircleOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import { COMPLAINT_SOURCE_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintDetail, type ComplaintNote, type ComplaintStatus } from '../../api/feedback';
import { formatShanghaiTime } from '../../shanghai-time';

/** The status each note moved the ticket from: the last status set before it, or 待处理. */
function statusesBefore(notes: ComplaintNote[]): ComplaintStatus[] {
  const before: ComplaintStatus[] = [];
  let current: ComplaintStatus = 'OPEN';
  for (const note of notes) {
    before.push(current);
    if (note.status) current = note.status;
  }
  return before;
}

function noteLook(note: ComplaintNote, previous: ComplaintStatus): { color: string; icon: ReactNode; label: string } {
  if (note.status === 'IN_PROGRESS' && (previous === 'RESOLVED' || previous === 'CLOSED')) return { color: 'orange', icon: <RollbackOutlined />, label: '重新打开' };
  if (note.status === 'RESOLVED' || note.status === 'CLOSED') return { color: 'green', icon: <CheckCircleOutlined />, label: COMPLAINT_STATUS_LABELS[note.status] };
  if (note.status) return { color: 'blue', icon: <SwapOutlined />, label: COMPLAINT_STATUS_LABELS[note.status] };
  return { color: 'gray', icon: <EditOutlined />, label: '备注' };
}

/** 处理记录: the complaint as raised, then every note in order, each with who wrote it and the status it moved to. */
export function ComplaintNotes({ complaint }: { complaint: ComplaintDetail }) {
  const before = statusesBefore(complaint.notes);
  const noteItems = complaint.notes.map((note, index) => {
    const look = noteLook(note, before[index]);
    return {
      key: note.id,
      color: look.color,
      icon: look.icon,
      content: (
        <Flex vertical gap={2} data-testid="complaint-note" data-status={note.status ?? ''}>
          <Flex gap={8} wrap align="baseline">
            <Tag color={look.color === 'gray' ? 'default' : look.color} style={{ marginInlineEnd: 0 }}>
              {look.label}
            </Tag>
            <Typography.Text strong>{note.staff?.name ?? '系统'}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatShanghaiTime(note.createdAt)}
            </Typography.Text>
          </Flex>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note.note}</Typography.Text>
        </Flex>
      ),
    };
  });

  return (
    <Card title="处理记录" size="small" data-testid="complaint-notes">
      <Timeline
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'raised',
            color: 'red',
            icon: <ExclamationCircleOutlined />,
            content: (
              <Flex vertical gap={2}>
                <Flex gap={8} wrap align="baseline">
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    {COMPLAINT_SOURCE_LABELS[complaint.source]}
                  </Tag>
                  <Typography.Text strong>{complaint.customer.name ?? '客户'}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatShanghaiTime(complaint.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{complaint.content}</Typography.Text>
              </Flex>
            ),
          },
          ...noteItems,
        ]}
      />
      {complaint.notes.length === 0 && (
        <Typography.Text type="secondary" data-testid="complaint-notes-empty">
          还没有处理记录，请尽快联系客户并记录。
        </Typography.Text>
      )}
    </Card>
  );
}
