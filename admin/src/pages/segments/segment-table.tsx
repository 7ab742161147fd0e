import { Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Segment } from '../../api/marketing';
import { formatShanghaiTime } from '../../shanghai-time';
import { describeConditions, formatCount, type ConditionNames } from './segment-conditions';

interface SegmentTableProps {
  segments: Segment[];
  loading: boolean;
  names: ConditionNames;
  /** Present for those who manage segments; without it the table is read-only. */
  onDelete?: (segment: Segment) => Promise<void>;
}

export function SegmentTable({ segments, loading, names, onDelete }: SegmentTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<Segment> = [
    {
      title: '人群',
      dataIndex: 'name',
      width: 200,
      ellipsis: true,
      render: (_, segment) => (
        <Link to={`/segments/${segment.id}`} onClick={(event) => event.stopPropagation()}>
          {segment.name}
        </Link>
      ),
    },
    {
      title: '人数',
      dataIndex: 'count',
      width: 100,
      align: 'right',
      sorter: (a, b) => (a.count ?? -1) - (b.count ?? -1),
      render: (_, segment) => (
        <Typography.Text strong data-testid="segment-count">
          {segment.count === null ? '—' : formatCount(segment.count)}
        </Typography.Text>
      ),
    },
    {
      title: '条件',
      key: 'conditions',
      render: (_, segment) => {
        if (!segment.filter) return <Tag color="error">条件已失效，请修改或删除</Tag>;
        const words = describeConditions(segment.filter, names);
        return (
          <Flex wrap gap={4}>
            {words.length === 0 ? <Tag>全部会员</Tag> : words.map((word) => <Tag key={word}>{word}</Tag>)}
          </Flex>
        );
      },
    },
    { title: '创建人', key: 'createdBy', width: 110, render: (_, segment) => segment.createdBy.name },
    { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (_, segment) => formatShanghaiTime(segment.updatedAt) },
  ];

  if (onDelete) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, segment) => (
        // The row opens the segment; its buttons must not.
        <Space size={0} onClick={(event) => event.stopPropagation()}>
          <Button type="link" size="small" onClick={() => navigate(`/segments/${segment.id}`)}>
            编辑
          </Button>
          <Popconfirm
            title={`删除人群「${segment.name}」？`}
            description="已被营销活动使用的人群不能删除。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => onDelete(segment)}
          >
            <Button type="link" size="small" danger data-testid={`segment-delete-${segment.id}`}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Table<Segment>
      data-testid="segment-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={segments}
      loading={loading}
      scroll={{ x: 900 }}
      onRow={(segment) => ({ onClick: () => navigate(`/segments/${segment.id}`), style: { cursor: 'pointer' } })}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => `共 ${total} 个人群` }}
      locale={{ emptyText: <Empty description={onDelete ? '还没有人群，点击「新建人群」按条件圈选会员' : '还没有人群'} /> }}
    />
  );
}
