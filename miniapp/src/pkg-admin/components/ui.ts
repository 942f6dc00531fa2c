// The office subpackage's widgets: the main package's (../../components/ui) plus a few only the office
// pages use. They are imported here, not in components/ui.ts, because every stylesheet imported there
// lands in the weapp main package (D7: it must not grow); here they stay in pkg-admin.
import Checkbox from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/style.css';
import Pagination from '@nutui/nutui-react-taro/dist/es/packages/pagination';
import '@nutui/nutui-react-taro/dist/es/packages/pagination/style/style.css';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/style.css';
import Tag from '@nutui/nutui-react-taro/dist/es/packages/tag';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/style.css';

export * from '../../components/ui';
export { Checkbox, Pagination, Switch, Tag };
