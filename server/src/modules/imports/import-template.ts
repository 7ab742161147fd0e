import ExcelJS from 'exceljs';
import type { StaffCaller } from '../../core/auth/caller';
import type { ImportDefinition } from './import-plan';
import { templateHeader } from './imports.rules';

/** The .xlsx template of one kind of import: its header and example row, and a 填写说明 sheet from its definition. */
export async function importTemplate(definition: ImportDefinition, caller: StaffCaller): Promise<{ fileName: string; content: Buffer }> {
  const { columns, title } = definition;
  const template = await definition.template(caller);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入数据');
  sheet.columns = columns.map((column) => ({ header: templateHeader(column), width: Math.max(12, templateHeader(column).length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  // Mobiles and VINs as text, so Excel neither rounds nor reformats them.
  for (const key of ['mobile', 'vin', 'plate', 'storeCode', 'consultant']) {
    const index = columns.findIndex((column) => column.key === key);
    if (index >= 0) sheet.getColumn(index + 1).numFmt = '@';
  }
  sheet.addRow(template.example);
  for (const [key, numFmt] of Object.entries(template.numFmts ?? {})) sheet.getColumn(columns.findIndex((column) => column.key === key) + 1).numFmt = numFmt;

  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 10 }, { width: 90 }];
  help.addRow([`${title}导入：填写说明`]).font = { bold: true, size: 14 };
  help.addRow(['第 1 行为表头，请勿修改；第 2 行是示例，导入前请删除或改写。带 * 的列必填。每次最多 30 MB。']);
  help.addRow([]);
  help.addRow(['列', '必填', '说明']).font = { bold: true };
  for (const column of columns) help.addRow([templateHeader(column), column.required ? '是' : '否', column.help]);
  help.addRow([]);
  help.addRow([template.dedupeRule]);
  for (const list of template.lists) {
    help.addRow([]);
    help.addRow(list.heading).font = { bold: true };
    for (const row of list.rows) help.addRow(row);
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${title}导入模板.xlsx`, content };
}
