/**
 * The host port's shared suite (host-contract.ts) on the Excel host, through the preview's Office.js on the
 * preview's workbook: the expectations the WPS host is held to are the Excel host's own.
 */
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { installOffice } from '../../src/preview/office-shim';
import { hostContract } from './host-contract';

hostContract('Excel', (book) => {
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  return new ExcelHost();
});
