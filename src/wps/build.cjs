/**
 * The WPS add-in folder (npm run build:wps → dist/wps), laid out as WPS 表格 loads a JS add-in (docs/wps.md):
 * index.html + main.js (the ribbon's functions), ribbon.xml, taskpane.html with the pane's bundle and chunks, the
 * icons, and the two lists an office deploys it with — publish.xml (one PC: %APPDATA%\kingsoft\wps\jsaddons) and
 * jsplugins.xml (a unit's server, named in WPS's oem.ini). WPS_ADDIN_URL is where the folder is served from.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = path.join(__dirname, '..', '..');
const NAME = 'kaohe';
const DEFAULT_URL = 'http://127.0.0.1:3000/';

/** The files WPS needs in the folder, checked after the build (src/wps/check-folder.cjs). */
const REQUIRED = [
  'index.html',
  'main.js',
  'ribbon.xml',
  'taskpane.html',
  'taskpane.js',
  'publish.xml',
  'jsplugins.xml',
  'assets/icon-32.png',
];

function lists(url, version) {
  const online = `  <jspluginonline name="${NAME}" type="et" url="${url}" enable="enable_dev" install="null" />`;
  return {
    'publish.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n${online}\n</jsplugins>\n`,
    'jsplugins.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n${online}\n` +
      `  <!-- Or the folder packed with 7-Zip and served beside this list: -->\n` +
      `  <!-- <jsplugin name="${NAME}" type="et" version="${version}" url="${url}${NAME}.7z" /> -->\n</jsplugins>\n`,
  };
}

function wpsAddin({ dev, tsRule, skeleton, lower = [] }) {
  const url = process.env.WPS_ADDIN_URL || DEFAULT_URL;
  const version = require(path.join(ROOT, 'package.json')).version;
  return {
    context: ROOT,
    devtool: dev ? 'source-map' : false,
    entry: { main: './src/wps/main.ts', taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.join(ROOT, 'dist/wps'),
      filename: '[name].js',
      publicPath: 'auto',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: { rules: [tsRule] },
    plugins: [
      // The same syntax level as the Office build (webpack.config.js LowerSyntax).
      ...lower,
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['main'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/wps/taskpane.html', chunks: ['taskpane'], skeleton }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('kaohe-wps-lists', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'kaohe-wps-lists', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                for (const [file, text] of Object.entries(lists(url, version)))
                  compilation.emitAsset(file, new compiler.webpack.sources.RawSource(text));
              },
            );
          });
        },
      },
    ],
    performance: { hints: false },
  };
}

module.exports = { wpsAddin, REQUIRED, lists };
