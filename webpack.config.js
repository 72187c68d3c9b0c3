/**
 * webpack 5: the add-in's pages (task pane, ribbon commands, result dialog) into dist/addin.
 *
 *   npm run build                    production build, office.js from Microsoft's CDN
 *   npm run build -- --env office=local   serve our own copy of office.js (intranets without internet)
 *   ADDIN_URL=https://kaohe.example.gov.cn/ npm run build   the address the manifest points at
 *   npm run dev-server               https://localhost:3000 with office-addin-dev-certs
 *   npm run build:preview            the browser preview (src/preview) into dist/preview
 *   npm run build:wps                the WPS 表格 add-in folder (src/wps/build.cjs) into dist/wps
 *
 * office.js is always loaded by a <script> tag, never bundled.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { wpsAddin } = require('./src/wps/build.cjs');
const { transform } = require('esbuild');

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_URL = 'https://localhost:3000/';

/** What office.js needs beside it when we serve it ourselves: the loader, Excel's host scripts, two languages. */
const OFFICE_FILES = ['office.js', 'o15apptofilemappingtable.js', 'excel-*.js', 'zh-cn/**', 'en-us/**'];

/**
 * The syntax every shipped script is compiled to, node_modules included (src/boot/check-syntax.cjs proves it in CI).
 * The oldest webviews that can run the pane at all (src/boot/boot.js: Chromium/WebView2 92+, Safari/WKWebView 15.4+,
 * for the built-ins React 19, Fluent UI 9 and kaohe use) parse ES2020 and more; Trident and EdgeHTML get boot.js's message.
 */
const SYNTAX = 'es2020';

/**
 * Lowers each emitted script to SYNTAX with esbuild, before the minimizer (a dependency may ship newer syntax than
 * our own TypeScript target; ts-loader never sees node_modules). Copied files (office.js, boot.js) are left alone.
 */
class LowerSyntax {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('LowerSyntax', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'LowerSyntax', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        async (assets) => {
          for (const name of Object.keys(assets)) {
            const asset = compilation.getAsset(name);
            if (!name.endsWith('.js') || asset.info.copied) continue;
            const { code } = await transform(asset.source.source().toString(), { loader: 'js', target: SYNTAX, charset: 'utf8' });
            compilation.updateAsset(name, new sources.RawSource(code));
          }
        },
      );
    });
  }
}

async function httpsOptions() {
  // Only the dev server needs certificates; office-addin-dev-certs makes and trusts them on first use.
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    // Trusting the CA needs administrator rights (sudo on Linux). The certificates are made before that
    // step: serve with them, and say that browsers will not trust them until the CA is installed.
    const fs = require('node:fs');
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const files = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
    if (!files.every((f) => fs.existsSync(f))) throw e;
    console.warn(
      `开发证书未安装到系统信任库（${e.message}）：浏览器会提示证书不受信任。可用 npx office-addin-dev-certs install 以管理员身份安装。`,
    );
    return { cert: fs.readFileSync(files[0]), key: fs.readFileSync(files[1]), ca: fs.readFileSync(files[2]) };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const localOffice = env.office === 'local' || process.env.OFFICE_JS === 'local';
  const officeJs = localOffice ? 'office/office.js' : CDN;
  const url = process.env.ADDIN_URL || DEV_URL;
  const serving = process.argv.includes('serve');

  // The task pane's first paint (title, spinner, one line), in its HTML before any script: src/taskpane/skeleton.html.
  const skeleton = require('node:fs').readFileSync(path.join(__dirname, 'src/taskpane/skeleton.html'), 'utf8');
  const page = (name, template, chunks) => new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, officeJs, skeleton });
  const tsRule = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      // Types are checked by `npm test` (tsc --noEmit); ES modules kept so icons and Fluent tree-shake.
      options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false, sourceMap: dev } },
    },
  };

  if (env.wps) return wpsAddin({ dev, tsRule, skeleton, lower: dev ? [] : [new LowerSyntax()] });

  if (env.preview) {
    // The browser preview: the real task pane bundle on the in-browser Excel, beside a view of the workbook.
    return {
      devtool: false,
      entry: { taskpane: './src/taskpane/index.tsx', 'pane-entry': './src/preview/pane-entry.ts', preview: './src/preview/page.ts' },
      // Chunks by name, as in the production build without its hash: the bench matches the two (bench/bench.ts).
      output: { path: path.resolve(__dirname, 'dist/preview'), filename: '[name].js', chunkFilename: '[name].js', clean: true },
      resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
      module: { rules: [tsRule] },
      plugins: [
        new LowerSyntax(),
        new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
        new HtmlWebpackPlugin({
          filename: 'preview-pane.html',
          template: './src/preview/pane.html',
          chunks: ['pane-entry', 'taskpane'],
          chunksSortMode: 'manual',
          skeleton,
        }),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'src/boot/boot.js', to: 'boot.js' },
            { from: 'examples/gwy-2020-q1.xlsx', to: 'examples/' },
            { from: 'examples/gwy-2020-year.xlsx', to: 'examples/' },
            { from: 'examples/qu-zuzhi-2014-months.xlsx', to: 'examples/' },
          ],
        }),
      ],
      performance: { hints: false },
    };
  }

  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      // Chunks loaded on demand (年度汇总, 计算, …) come from the folder taskpane.js came from: same origin, no CDN.
      publicPath: 'auto',
      // Named by content: an Office cache holding an older taskpane.js never mixes it with newer chunks.
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: { rules: [tsRule] },
    plugins: [
      ...(dev ? [] : [new LowerSyntax()]),
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands', './src/commands/commands.html', ['commands']),
      page('dialog', './src/commands/dialog.html', ['dialog']),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/boot/boot.js', to: 'boot.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (url === DEV_URL ? content : content.toString().replace(new RegExp(DEV_URL, 'g'), url)),
          },
          ...(localOffice
            ? OFFICE_FILES.map((pattern) => ({
                from: pattern,
                context: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
                to: 'office/',
                globOptions: { ignore: ['**/*.debug.js'] },
                info: { minimized: true },
              }))
            : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: 3000,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
        }
      : undefined,
  };
};

// For the test that a dependency's newer syntax is lowered (test/boot/lower-syntax.test.ts).
module.exports.LowerSyntax = LowerSyntax;
module.exports.SYNTAX = SYNTAX;
