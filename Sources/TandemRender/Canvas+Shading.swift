import Foundation

extension Canvas {
  /// Fills the disc of `radius` pixels around `center` shaded as a sphere of
  /// `color` lit from the upper left and the front: Lambert shading over an
  /// ambient floor, and a small highlight, so that particles in 3-D frames
  /// read as balls. The edge is antialiased like ``fillDisc(center:radius:color:)``'s.
  public mutating func fillShadedDisc(center: Point, radius: Double, color: Color) {
    guard center.x.isFinite, center.y.isFinite, radius.isFinite, radius > 0 else { return }
    guard radius >= 1.5 else {
      fillDisc(center: center, radius: radius, color: color)  // too small to shade
      return
    }
    // The light, in pixel coordinates (x right, y down, z towards the viewer).
    let light = (x: -0.45, y: -0.55, z: 0.70)
    let norm = (light.x * light.x + light.y * light.y + light.z * light.z).squareRoot()
    let (lx, ly, lz) = (light.x / norm, light.y / norm, light.z / norm)
    // The highlight is where the normal is halfway between the light and the viewer.
    let halfNorm = (lx * lx + ly * ly + (lz + 1) * (lz + 1)).squareRoot()
    let (hx, hy, hz) = (lx / halfNorm, ly / halfNorm, (lz + 1) / halfNorm)
    let reach = radius + 0.5
    // Only the pixels on the canvas (and in the clip): a huge disc costs no more than the canvas.
    for row in rows(from: center.y - reach, to: center.y + reach) {
      for column in columns(from: center.x - reach, to: center.x + reach) {
        let dx = (Double(column) + 0.5 - center.x) / radius
        let dy = (Double(row) + 0.5 - center.y) / radius
        let distance = (dx * dx + dy * dy).squareRoot()
        let coverage = Double(unitCoverage(radius + 0.5 - distance * radius))
        guard coverage > 0 else { continue }
        let dz = max(1 - min(distance, 1) * min(distance, 1), 0).squareRoot()
        let lambert = max(dx * lx + dy * ly + dz * lz, 0)
        let specular = pow(max(dx * hx + dy * hy + dz * hz, 0), 24)
        let shade = 0.42 + 0.58 * lambert
        var shaded = Color(
          red: color.red * shade, green: color.green * shade, blue: color.blue * shade,
          alpha: color.alpha)
        shaded = shaded.interpolated(to: Color(white: 1, alpha: color.alpha), by: 0.45 * specular)
        blend(shaded, atX: column, y: row, coverage: coverage)
      }
    }
  }

  /// Fills the ellipse of radii `radii` (pixels) around `center` with
  /// `color` fading smoothly from its centre to nothing at its edge: a soft
  /// shadow of a particle on the ground, or a glow.
  public mutating func fillSoftEllipse(center: Point, radii: (x: Double, y: Double), color: Color) {
    guard center.x.isFinite, center.y.isFinite, radii.x > 0, radii.y > 0,
      radii.x.isFinite, radii.y.isFinite
    else { return }
    for row in rows(from: center.y - radii.y, to: center.y + radii.y) {
      for column in columns(from: center.x - radii.x, to: center.x + radii.x) {
        let dx = (Double(column) + 0.5 - center.x) / radii.x
        let dy = (Double(row) + 0.5 - center.y) / radii.y
        let d2 = dx * dx + dy * dy
        guard d2 < 1 else { continue }
        let falloff = (1 - d2) * (1 - d2)
        blend(color, atX: column, y: row, coverage: falloff)
      }
    }
  }
}
