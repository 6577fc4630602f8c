// Money is kept in integer cents everywhere; only the view sees yuan strings.
function formatYuan(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100);
  const fen = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${fen}`;
}

module.exports = { formatYuan };
