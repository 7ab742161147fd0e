import { useCallback, useState, type ReactNode } from 'react';
import { HistoryOutlined, ImportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Flex, Space } from 'antd';
import { listPartStock, type PartStock } from '../../api/service';
import { SearchFilter } from '../../components/filter-bar';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { StoreMissing, StorePicker } from '../test-drives/store-picker';
import { useStoreChoice } from '../test-drives/use-store-choice';
import { isShort, PartStockTable } from './part-stock-table';
import { PartMovementsDrawer } from './part-movements-drawer';
import { ReceivePartsModal } from './receive-parts-modal';
import { usePartsQuery } from './use-parts-query';
import { LoadError } from '../../components/load-error';

/** Which dialog is open: 入库 (of one part or any), or the movements (of one part or all). */
type Dialog = { kind: 'receive'; part?: PartStock } | { kind: 'movements'; part?: PartStock } | null;

/** 配件库存 `/service/parts`: a store's parts on the shelf against what tomorrow's bookings need; 入库 and the movements. */
export function PartsPage() {
  const staff = useCurrentStaff();
  const { query, change } = usePartsQuery();
  const choice = useStoreChoice(query.storeId);
  const storeId = choice.missing ? undefined : choice.storeId;
  const load = useCallback((signal: AbortSignal) => (storeId ? listPartStock({ storeId, q: query.q }, signal) : Promise.resolve([])), [storeId, query.q]);
  const stock = useRemoteData(load);
  const [shortOnly, setShortOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const all = stock.data ?? [];
  const shortCount = all.filter(isShort).length;
  const shown = shortOnly ? all.filter(isShort) : all;
  const store = storeId ? { id: storeId, name: choice.store?.name ?? staff.store?.name ?? '' } : undefined;

  let content: ReactNode;
  if (choice.missing) {
    content = <StoreMissing onReset={() => change({ storeId: undefined })} />;
  } else if (!choice.fixed && choice.stores.error) {
    content = <LoadError what="门店" error={choice.stores.error} onRetry={choice.stores.reload} />;
  } else if (!storeId && !choice.stores.loading) {
    content = <Empty description="没有可查看的门店" />;
  } else if (stock.error) {
    content = (
      <LoadError what="库存" error={stock.error} onRetry={stock.reload} data-testid="parts-error" />
    );
  } else {
    content = (
      <PartStockTable
        parts={shown}
        loading={stock.loading || choice.stores.loading}
        filtered={Boolean(query.q) || shortOnly}
        onReceive={(part) => setDialog({ kind: 'receive', part })}
        onMovements={(part) => setDialog({ kind: 'movements', part })}
      />
    );
  }

  return (
    <Card
      title="配件库存"
      data-testid="parts-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={stock.reload}>
            刷新
          </Button>
          <Button icon={<HistoryOutlined />} disabled={!store} onClick={() => setDialog({ kind: 'movements' })} data-testid="parts-movements">
            出入库流水
          </Button>
          <Button type="primary" icon={<ImportOutlined />} disabled={!store || all.length === 0} onClick={() => setDialog({ kind: 'receive' })} data-testid="parts-receive">
            入库
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Space wrap size="middle">
          <StorePicker choice={choice} onChange={(next) => change({ storeId: next })} />
          <SearchFilter data-testid="parts-search" value={query.q} placeholder="配件编码或名称" maxLength={32} width={280} onSearch={(q) => change({ q })} />
          <Checkbox checked={shortOnly} onChange={(event) => setShortOnly(event.target.checked)} data-testid="parts-short-only">
            只看明日缺件
          </Checkbox>
        </Space>
        {shortCount > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="parts-short-alert"
            title={`${shortCount} 种配件不够明天的预约使用，请尽快补货入库`}
          />
        )}
        {content}
      </Flex>
      {dialog?.kind === 'receive' && store && (
        <ReceivePartsModal
          store={store}
          parts={all}
          part={dialog.part}
          onClose={() => setDialog(null)}
          onReceived={() => {
            setDialog(null);
            stock.reload();
          }}
        />
      )}
      {dialog?.kind === 'movements' && store && <PartMovementsDrawer store={store} part={dialog.part} onClose={() => setDialog(null)} />}
    </Card>
  );
}
