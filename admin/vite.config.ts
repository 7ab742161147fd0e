import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is ~700 kB minified and its rc-components ~400 kB; the limit still catches growth elsewhere.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // Vite's preload helper is shared by the app and the charts' own lazy imports: kept apart, it never drags the charts in.
            { name: 'preload', test: /vite[\\/]preload-helper/, priority: 6 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 5 },
            // antd's building blocks get their own chunk (together with antd they pass the size limit).
            // A group also takes its modules' dependencies, so it must claim them before antd does.
            { name: 'rc', test: /node_modules[\\/](@rc-component|rc-[\w-]+|dayjs)[\\/]/, priority: 4 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design[\\/](?!plots|charts-util))/, priority: 3 },
            // The charts load only with a campaign report or the dashboard: the rendering engine, then G2 and the rest of its helpers.
            { name: 'charts-render', test: /node_modules[\\/]@antv[\\/]g(-[\w-]+)?[\\/]/, priority: 2 },
            { name: 'charts', test: /node_modules[\\/](@ant-design[\\/](plots|charts-util)|@antv)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
