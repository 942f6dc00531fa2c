import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// The weapp bundle reaches the API at TARO_APP_API_BASE (only TARO_APP_* values reach the bundle;
// WeChat needs an HTTPS domain with an ICP filing in production, D9). The h5 build is served by the
// API server itself, so it calls the same origin ('/api/...') and ignores this value.
const apiBase = process.env.TARO_APP_API_BASE ?? ''

// The shared schemas are compiled from their TypeScript source (see src/services/schemas.ts), so
// webpack sees zod as ES modules and keeps only what the schemas use.
const sharedSource = path.resolve(__dirname, '../../shared/src')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tingkan-miniapp',
    date: '2026-11-23',
    // Everything (ours and NutUI's) is drawn on a 375 px wide design: 1px → 2rpx in weapp.
    designWidth: () => 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase)
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      // Modules only the office subpackage uses stay out of the main package (2 MB limit, D7).
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    },
    h5: {
      compile: { include: [sharedSource] },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routes: the API server serves dist/h5 statically at '/', with no history fallback.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        // In the browser, px stay px (375 design = CSS px) and rem follow the browser's font size,
        // instead of Taro's width-scaled root font (which would make text huge on a desktop screen);
        // src/index.html therefore leaves out Taro's root-font script.
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
