import type { ExportColumn } from '../../core/exports/xlsx-export';

interface VehicleExportRow {
  vin: string;
  plate: string | null;
  mileageKm: number;
  deliveredAt: Date;
  lastServiceAt: Date | null;
  insuranceExpiresOn: string | null;
  model: { name: string };
  owner: { name: string | null; mobile: string | null };
  store: { name: string };
}

/** The columns of the 车辆档案 export. */
export const VEHICLE_EXPORT_COLUMNS: ExportColumn<VehicleExportRow>[] = [
  { header: '车牌', width: 12, value: (vehicle) => vehicle.plate },
  { header: 'VIN', width: 20, value: (vehicle) => vehicle.vin },
  { header: '车型', width: 16, value: (vehicle) => vehicle.model.name },
  { header: '车主', value: (vehicle) => vehicle.owner.name },
  { header: '手机', width: 14, value: (vehicle) => vehicle.owner.mobile },
  { header: '门店', width: 18, value: (vehicle) => vehicle.store.name },
  { header: '交车日期', width: 20, value: (vehicle) => vehicle.deliveredAt },
  { header: '里程(km)', width: 10, value: (vehicle) => vehicle.mileageKm },
  { header: '最近保养', width: 20, value: (vehicle) => vehicle.lastServiceAt },
  { header: '保险到期', width: 12, value: (vehicle) => vehicle.insuranceExpiresOn },
];
