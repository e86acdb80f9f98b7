/// A colour prepared for blending: components scaled to 0…255, alpha in 0…1.
struct Paint {
  var red: Float
  var green: Float
  var blue: Float
  var alpha: Float

  init(_ color: Color) {
    func unit(_ value: Double) -> Float { value.isFinite ? Float(min(max(value, 0), 1)) : 0 }
    red = unit(color.red) * 255
    green = unit(color.green) * 255
    blue = unit(color.blue) * 255
    alpha = unit(color.alpha)
  }

  init(red: Float, green: Float, blue: Float, alpha: Float) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// The mix of two paints covering `a` and `b` of a pixel, as one paint whose
  /// alpha already includes the coverage (so blend it with coverage 1).
  /// Mixing in one step avoids the seam two separate blends leave between a
  /// fill and its outline.
  static func mix(_ first: Paint, covering a: Float, _ second: Paint, covering b: Float) -> Paint {
    let wa = first.alpha * a
    let wb = second.alpha * b
    let total = wa + wb
    guard total > 0 else { return Paint(red: 0, green: 0, blue: 0, alpha: 0) }
    return Paint(
      red: (first.red * wa + second.red * wb) / total,
      green: (first.green * wa + second.green * wb) / total,
      blue: (first.blue * wa + second.blue * wb) / total,
      alpha: min(total, 1))
  }
}

extension Canvas {
  /// Blends `paint` over the pixel at byte offset `index` with `coverage` in 0…1
  /// (source-over, straight alpha).
  @inline(__always)
  static func blend(
    _ paint: Paint, coverage: Float, into bytes: UnsafeMutableBufferPointer<UInt8>, at index: Int
  ) {
    let sourceAlpha = paint.alpha * min(coverage, 1)
    guard sourceAlpha > 0.001 else { return }
    let destinationAlphaByte = bytes[index + 3]
    if destinationAlphaByte == 255 {
      // Opaque destination, the common case: a plain lerp.
      let keep = 1 - sourceAlpha
      bytes[index] = UInt8(paint.red * sourceAlpha + Float(bytes[index]) * keep + 0.5)
      bytes[index + 1] = UInt8(paint.green * sourceAlpha + Float(bytes[index + 1]) * keep + 0.5)
      bytes[index + 2] = UInt8(paint.blue * sourceAlpha + Float(bytes[index + 2]) * keep + 0.5)
      return
    }
    let destinationAlpha = Float(destinationAlphaByte) / 255
    let keep = destinationAlpha * (1 - sourceAlpha)
    let outAlpha = sourceAlpha + keep
    let inverse = 1 / outAlpha
    bytes[index] = UInt8(
      min((paint.red * sourceAlpha + Float(bytes[index]) * keep) * inverse + 0.5, 255))
    bytes[index + 1] = UInt8(
      min((paint.green * sourceAlpha + Float(bytes[index + 1]) * keep) * inverse + 0.5, 255))
    bytes[index + 2] = UInt8(
      min((paint.blue * sourceAlpha + Float(bytes[index + 2]) * keep) * inverse + 0.5, 255))
    bytes[index + 3] = UInt8(min(outAlpha * 255 + 0.5, 255))
  }

  /// Blends `color` over the pixel in column `x`, row `y` with `coverage` in
  /// 0…1, respecting the clip. Positions outside are ignored.
  public mutating func blend(_ color: Color, atX x: Int, y: Int, coverage: Double = 1) {
    guard x >= clipX0, x < clipX1, y >= clipY0, y < clipY1, coverage > 0 else { return }
    let paint = Paint(color)
    let index = (y * width + x) * 4
    rgba.withUnsafeMutableBufferPointer { bytes in
      Self.blend(paint, coverage: Float(coverage), into: bytes, at: index)
    }
  }
}

/// `value` clamped to 0…1, as the coverage of a pixel.
@inline(__always)
func unitCoverage(_ value: Double) -> Float {
  Float(min(max(value, 0), 1))
}
