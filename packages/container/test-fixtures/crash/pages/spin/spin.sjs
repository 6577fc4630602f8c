// Spins forever once asked to: a stuck template helper in the view frame.
function spin(on) {
  if (on) {
    while (true) {}
  }
  return 'calm';
}
module.exports = { spin: spin };
