import type { VehicleModel } from '../api/vehicle-models';
import { ENERGY_TYPE_LABELS } from '../format/energy-type';
import type { AsyncResource } from '../hooks/use-async-resource';
import { ChoiceList, type Choice } from './choice-list';
import { EmptyState, ErrorState, SkeletonCards } from './page-states';

interface VehicleModelChoiceListProps {
  models: AsyncResource<VehicleModel[]>;
  selectedId: number | null;
  onSelect: (modelId: number) => void;
  /** A first row for no model in particular (its key is 0, below any model id), e.g. 暂不确定. */
  noModelChoice?: Omit<Choice, 'key'>;
}

/** Key of `noModelChoice`: model ids from the server start at 1. */
export const NO_MODEL = 0;

const modelChoice = (model: VehicleModel): Choice => ({
  key: model.id,
  title: model.name,
  subtitle: `${model.brand} · ${model.bodyType}`,
  tag: ENERGY_TYPE_LABELS[model.energyType].text,
});

/** The models to pick one from (试驾, 推荐好友), with the list's loading, error and empty states. */
export function VehicleModelChoiceList({ models, selectedId, onSelect, noModelChoice }: VehicleModelChoiceListProps) {
  if (models.loading && !models.data) return <SkeletonCards count={3} cardHeight={120} />;
  if (models.errorMessage) return <ErrorState message={models.errorMessage} onRetry={() => void models.reload()} />;
  if (!models.data?.length && !noModelChoice) return <EmptyState title='暂无可试驾的车型' description='新车型上架后会第一时间展示在这里' />;
  const choices = (models.data ?? []).map(modelChoice);
  return (
    <ChoiceList
      choices={noModelChoice ? [{ key: NO_MODEL, ...noModelChoice }, ...choices] : choices}
      selectedKey={selectedId}
      onSelect={onSelect}
      testId='model-choice'
    />
  );
}
