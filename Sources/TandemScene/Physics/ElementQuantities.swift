import TandemAD
import TandemProcess

/// The number a grid or chain gives each of its springs or particles
/// (stiffness, damping, rest length, mass): the same quantity for every
/// element, or entry i of a vector parameter for element i.
enum ElementQuantities {
  /// One quantity for every element.
  case same(Quantity)
  /// Element i's quantity is entry i (the count was checked when read).
  case each([Quantity])

  /// Element i's quantity.
  subscript(i: Int) -> Quantity {
    switch self {
    case .same(let quantity): quantity
    case .each(let entries): entries[i]
    }
  }

  /// Every quantity, once each (the rules on values are recorded on these).
  var distinct: [Quantity] {
    switch self {
    case .same(let quantity): [quantity]
    case .each(let entries): entries
    }
  }
}
