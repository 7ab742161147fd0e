import { Badge, Button, Empty, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Paged } from '../../api/client';
import type { StaffItem, StaffListQuery } from '../../api/staff';
import { ROLE_LABELS } from '../../access';
import { formatShanghaiDate, formatShanghaiTime } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';

interface StaffTableProps {
  page: Paged<StaffItem> | undefined;
  query: StaffListQuery;
  loading: boolean;
  /** Present only for those who may change staff (ADMIN); without it the table is read-only. */
  manage?: {
    currentStaffId: number;
    onEdit: (staff: StaffItem) => void;
    onToggleActive: (staff: StaffItem) => Promise<void>;
  };
  /** Present for managers: moves a consultant's open leads and tasks to colleagues. */
  onHandover?: (staff: StaffItem) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

export function StaffTable({ page, query, loading, manage, onHandover, onPageChange }: StaffTableProps) {
  const columns: TableColumnsType<StaffItem> = [
    { title: '用户名', dataIndex: 'username', width: 110, ellipsis: true },
    { title: '姓名', dataIndex: 'name', width: 90, ellipsis: true },
    {
      title: '角色',
      dataIndex: 'role',
      width: 120,
      render: (_, staff) => <Tag color={staff.role === 'ADMIN' ? 'gold' : 'blue'}>{ROLE_LABELS[staff.role]}</Tag>,
    },
    { title: '门店', dataIndex: 'storeName', ellipsis: true, render: (_, staff) => staff.storeName ?? '—' },
    { title: '区域', dataIndex: 'regionName', width: 90, ellipsis: true, render: (_, staff) => staff.regionName ?? '—' },
    { title: '手机号', dataIndex: 'mobile', width: 125, render: (_, staff) => staff.mobile ?? '—' },
    {
      title: '状态',
      dataIndex: 'active',
      width: 85,
      render: (_, staff) =>
        staff.active ? <Badge status="success" text="在职" /> : <Badge status="default" text="已停用" />,
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (_, staff) => formatShanghaiTime(staff.lastLoginAt, '从未登录'),
    },
    { title: '创建日期', dataIndex: 'createdAt', width: 105, render: (_, staff) => formatShanghaiDate(staff.createdAt) },
  ];

  if (manage || onHandover) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: manage && onHandover ? 150 : 110,
      fixed: 'right',
      render: (_, staff) => (
        <Space size={0}>
          {manage && (
            <Button type="link" size="small" onClick={() => manage.onEdit(staff)}>
              编辑
            </Button>
          )}
          {onHandover && staff.role === 'CONSULTANT' && (
            <Button type="link" size="small" data-testid={`staff-handover-${staff.id}`} onClick={() => onHandover(staff)}>
              交接
            </Button>
          )}
          {manage && staff.id !== manage.currentStaffId && (
            <Popconfirm
              title={staff.active ? `停用 ${staff.name}？` : `启用 ${staff.name}？`}
              description={staff.active ? '停用后该账号将无法登录。' : '启用后该账号可重新登录。'}
              okText={staff.active ? '停用' : '启用'}
              okButtonProps={{ danger: staff.active }}
              cancelText="取消"
              onConfirm={() => manage.onToggleActive(staff)}
            >
              <Button type="link" size="small" danger={staff.active} data-testid={`staff-toggle-${staff.id}`}>
                {staff.active ? '停用' : '启用'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<StaffItem>
      data-testid="staff-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1100 }}
      locale={{ emptyText: <Empty description="没有符合条件的员工" /> }}
      pagination={listPagination(query, page?.total, onPageChange, '人')}
    />
  );
}
