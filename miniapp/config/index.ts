import { join } from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const DEFAULT_API_BASE_URL = 'http://localhost:3000/api';
// The contracts and rules the server writes once (imported as `server/contracts/*`): TypeScript outside the source
// root, which Taro compiles only when told to.
const SHARED_CONTRACTS = join(__dirname, '..', '..', 'server', 'src', 'contracts');

// Docs: https://docs.taro.zone/docs/config-detail
export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'dealer-crm-miniapp',
    date: '2025-11-25',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    framework: 'react',
    compiler: 'webpack5',
    defineConstants: {
      // The weapp calls the API by absolute URL; H5 is served by the API server itself and uses '/api'.
      API_BASE_URL: JSON.stringify(process.env.API_BASE_URL ?? DEFAULT_API_BASE_URL),
      // The WeChat subscribe-message template for test-drive reminders; empty skips the request.
      TEST_DRIVE_TEMPLATE_ID: JSON.stringify(process.env.TEST_DRIVE_TEMPLATE_ID ?? ''),
    },
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_CONTRACTS] },
      // Every class is namespaced by its component (BEM), so stylesheets do not depend on the order they
      // are bundled in; pages that import shared components in different orders need not warn about it.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [SHARED_CONTRACTS] },
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // webpack's 244 KiB hint is for content sites; the React + Taro runtime alone is near it.
        // Package size is budgeted where it matters, by the weapp check (2 MB main package).
        chain.performance.hints(false);
      },
    },
  };
  return config;
});
