import { formatPrice } from '../../utils/money';

Page({ data: { note: '', price: formatPrice(100) } });
