import { useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import { qrMatrix, svgPath } from './matrix';
import './index.scss';

const MARGIN = 4;

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): { scale(x: number, y: number): void; fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
}

/** Draws the matrix on a weapp 2d canvas (qrcode-generator has no DOM, D6). */
function drawOnCanvas(id: string, matrix: boolean[][]): void {
  Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
    const hit = res[0];
    if (!hit?.node) return;
    const canvas = hit.node;
    const ratio = Taro.getSystemInfoSync().pixelRatio || 2;
    canvas.width = hit.width * ratio;
    canvas.height = hit.height * ratio;
    const ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    const cells = matrix.length + MARGIN * 2;
    const cell = hit.width / cells;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, hit.width, hit.height);
    ctx.fillStyle = '#000000';
    matrix.forEach((row, r) => row.forEach((dark, c) => {
      if (dark) ctx.fillRect((c + MARGIN) * cell, (r + MARGIN) * cell, Math.ceil(cell), Math.ceil(cell));
    }));
  });
}

/** A QR code generated on the device: a 2d canvas in WeChat, an SVG in the browser. */
export function QrCode({ text, id = 'qr-canvas' }: { text: string; id?: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    Taro.nextTick(() => drawOnCanvas(id, matrix));
  }, [id, matrix]);

  if (process.env.TARO_ENV === 'weapp') {
    return <Canvas type='2d' id={id} className='qr-code' />;
  }
  const size = matrix.length + MARGIN * 2;
  return (
    <View className='qr-code'>
      <svg className='qr-code__svg' viewBox={`0 0 ${size} ${size}`} shapeRendering='crispEdges' data-qr={text}>
        <rect width={size} height={size} fill='#ffffff' />
        <path d={svgPath(matrix, MARGIN)} fill='#000000' />
      </svg>
    </View>
  );
}
