// NutUI React Taro, one component and its stylesheet at a time: the global stylesheet alone would
// add ~230 KB to the weapp main package (TOOLCHAIN.md). Pages import widgets from here only.
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import CellGroup from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/style.css';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/style.css';
import InputNumber from '@nutui/nutui-react-taro/dist/es/packages/inputnumber';
import '@nutui/nutui-react-taro/dist/es/packages/inputnumber/style/style.css';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/style.css';
import Loading from '@nutui/nutui-react-taro/dist/es/packages/loading';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/style.css';

export { Button, Cell, CellGroup, Empty, Input, InputNumber, Loading, TextArea };
