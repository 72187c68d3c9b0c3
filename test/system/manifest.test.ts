/** The manifest, validated offline against the Office add-in XSDs in ../shared/office-xsd (needs xmllint). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = join(root, 'manifest.xml');
const xsd = join(root, '..', 'shared', 'office-xsd', 'OfficeAppManifestV1_1.xsd');

describe('manifest.xml', () => {
  it('validates against the OfficeApp 1.1 schema with its VersionOverrides', () => {
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, manifest], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });

  it('asks for ReadWriteDocument only, ExcelApi 1.7, and puts two buttons in a 考核助手 group on the Home tab', () => {
    const xml = readFileSync(manifest, 'utf8');
    expect(xml.match(/<Permissions>(.*)<\/Permissions>/)![1]).toBe('ReadWriteDocument');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7" />');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml.match(/<Control xsi:type="Button"/g)).toHaveLength(2);
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
    expect(xml).toContain('<FunctionName>computeGrades</FunctionName>');
    expect(xml).toContain('<bt:String id="Group.Label" DefaultValue="考核助手">');
    expect(xml).toContain('<bt:String id="Compute.Label" DefaultValue="一键计算等次">');
    expect(xml).toContain('<bt:Override Locale="en-US" Value="Compute grades" />');
    for (const size of [16, 32, 64, 80])
      expect(
        readFileSync(join(root, 'assets', `icon-${size}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
  });
});
