import Foundation
import TandemPhysics
import TandemRender

/// 3-D frames: a perspective camera over a floor (the ground, or a reference
/// plane under the motion) with a grid and soft shadows, so that height
/// reads at a glance; springs and particles drawn far to near, fading with
/// distance, particles as shaded discs sized by depth.
extension SceneDrawing {
  /// The camera fitted to every position of `samples` and the targets, at
  /// the settings' angles; a `target` or `distance` in the settings wins.
  func spaceView(fitting samples: [Trajectory.Sample]) -> SceneView {
    var points: [SIMD3<Double>] = []
    for sample in samples {
      for i in 0..<system.count { points.append(point(i, in: sample.positions)) }
    }
    points += spaceTargetPoints
    let floor = SpaceFloor.enclosing(points, ground: system.ground?.height)
    // The motion and the floor just under it (not the whole padded floor,
    // which would leave the motion small).
    points += points.map { SIMD3($0.x, floor.height, $0.z) }
    let settings = render.camera
    var camera = PerspectiveCamera.fitting(
      points, azimuth: settings.azimuth, elevation: settings.elevation,
      fieldOfView: settings.fieldOfView, size: size, margin: 0.06)
    if let target = settings.target {
      let moved = SIMD3(target[0], target[1], target[2])
      let offset = moved - camera.target
      camera.distance += (offset * offset).sum().squareRoot()
      camera.target = moved
    }
    if let distance = settings.distance { camera.distance = distance }
    return .space(camera, floor)
  }

  /// Particle `i`'s position from axis-major `positions`, as a 3-D point.
  func point(_ i: Int, in positions: [Double]) -> SIMD3<Double> {
    let n = system.count
    return SIMD3(positions[i], positions[n + i], positions[2 * n + i])
  }

  /// The points position targets mark.
  var spaceTargetPoints: [SIMD3<Double>] {
    objective.compactMap { term in
      guard case let .position(_, target) = term.kind else { return nil }
      let t = target.map { $0.value(in: parameters) }
      return SIMD3(t[0], t[1], t[2])
    }
  }

  /// The world radius particles are drawn with: a fifth of the typical
  /// spring (the median rest length), or a fortieth of the motion.
  func particleWorldRadius(_ floor: SpaceFloor) -> Double {
    let rests = system.springs.restLength.filter { $0 > 0 }.sorted()
    if !rests.isEmpty { return 0.2 * rests[rests.count / 2] }
    return 0.025 * floor.span
  }

  /// The background, the floor's grid and the targets.
  func spaceBackdrop(camera: PerspectiveCamera, floor: SpaceFloor) -> Canvas {
    var canvas = Canvas(size: size, background: Self.background)
    drawFloor(floor, on: &canvas, camera: camera)
    drawSpaceTargets(on: &canvas, camera: camera, floor: floor)
    return canvas
  }

  /// A world segment, drawn when both ends are in front of the camera.
  func drawSegment(
    _ a: SIMD3<Double>, _ b: SIMD3<Double>, on canvas: inout Canvas, camera: PerspectiveCamera,
    color: Color, width: Double, dashed: Bool = false
  ) {
    guard let (p, _) = camera.project(a), let (q, _) = camera.project(b) else { return }
    if dashed {
      canvas.drawDashedLine(from: p, to: q, color: color, width: width, dash: 8, gap: 6)
    } else {
      canvas.drawLine(from: p, to: q, color: color, width: width)
    }
  }

  /// The floor's grid lines, fading with distance, and its border; the
  /// ground firmer than a reference plane.
  func drawFloor(_ floor: SpaceFloor, on canvas: inout Canvas, camera: PerspectiveCamera) {
    let ink = Color(white: floor.isGround ? 0.35 : 0.55)
    let alpha = floor.isGround ? 0.45 : 0.3
    let h = floor.height
    func lines(along first: Bool) {
      let (across, along) = first ? (floor.x, floor.z) : (floor.z, floor.x)
      var value = across.lowerBound
      while value <= across.upperBound + floor.step / 2 {
        // Eight pieces per line, so the far end fades.
        for k in 0..<8 {
          let (t0, t1) = (Double(k) / 8, Double(k + 1) / 8)
          let u0 = along.lowerBound + t0 * (along.upperBound - along.lowerBound)
          let u1 = along.lowerBound + t1 * (along.upperBound - along.lowerBound)
          let a = first ? SIMD3(value, h, u0) : SIMD3(u0, h, value)
          let b = first ? SIMD3(value, h, u1) : SIMD3(u1, h, value)
          let fade = depthFade((a + b) / 2, camera: camera, span: floor.span)
          drawSegment(
            a, b, on: &canvas, camera: camera, color: ink.withAlpha(alpha * fade), width: 1)
        }
        value += floor.step
      }
    }
    lines(along: true)
    lines(along: false)
  }

  /// 1 near the target, down to 0.35 a floor's span behind it.
  func depthFade(_ point: SIMD3<Double>, camera: PerspectiveCamera, span: Double) -> Double {
    guard let (_, depth) = camera.project(point) else { return 0 }
    let behind = (depth - camera.distance) / max(span, 1e-9)
    return min(1, max(0.35, 1 - 0.65 * behind))
  }

  /// Targets: a position target as a ring on the floor under it, a dashed
  /// drop line and a ring at the point; a coordinate target as the dashed
  /// outline of the plane where that coordinate has its target value.
  func drawSpaceTargets(on canvas: inout Canvas, camera: PerspectiveCamera, floor: SpaceFloor) {
    let color = Self.targetColor.withAlpha(0.85)
    let h = floor.height
    for term in objective {
      switch term.kind {
      case .position:
        break  // drawn from spaceTargetPoints below
      case let .coordinate(_, axis, target):
        let v = target.value(in: parameters)
        let (x, z) = (floor.motionX, floor.motionZ)
        let corners: [SIMD3<Double>]
        switch axis {
        case .y:
          corners = [
            SIMD3(x.lowerBound, v, z.lowerBound), SIMD3(x.upperBound, v, z.lowerBound),
            SIMD3(x.upperBound, v, z.upperBound), SIMD3(x.lowerBound, v, z.upperBound),
          ]
        case .x:
          corners = [
            SIMD3(v, h, z.lowerBound), SIMD3(v, h, z.upperBound), SIMD3(v, floor.top, z.upperBound),
            SIMD3(v, floor.top, z.lowerBound),
          ]
        case .z:
          corners = [
            SIMD3(x.lowerBound, h, v), SIMD3(x.upperBound, h, v), SIMD3(x.upperBound, floor.top, v),
            SIMD3(x.lowerBound, floor.top, v),
          ]
        }
        for k in 0..<4 {
          drawSegment(
            corners[k], corners[(k + 1) % 4], on: &canvas, camera: camera, color: color,
            width: 1.5, dashed: true)
        }
      case .distance, .kineticEnergy:
        break
      }
    }
    let radius = max(3 * particleWorldRadius(floor), 0.02 * floor.span)
    for p in spaceTargetPoints {
      let ring = (0...48).map { k -> SIMD3<Double> in
        let a = Double(k) / 48 * 2 * .pi
        return SIMD3(p.x + radius * cos(a), h, p.z + radius * sin(a))
      }
      for k in 0..<48 {
        drawSegment(ring[k], ring[k + 1], on: &canvas, camera: camera, color: color, width: 2)
      }
      if abs(p.y - h) > 1e-9 * floor.span {
        drawSegment(
          SIMD3(p.x, h, p.z), p, on: &canvas, camera: camera, color: color, width: 1.5, dashed: true
        )
      }
      if let (pixel, _) = camera.project(p) {
        canvas.drawTarget(at: pixel, radius: 8, color: Self.targetColor, lineWidth: 2)
      }
    }
  }

  /// Draws one 3-D state: soft shadows on the floor, then springs and
  /// particles together from far to near (the painter's order), each
  /// fading toward the background with distance.
  func drawSpace(
    _ positions: [Double], on canvas: inout Canvas, camera: PerspectiveCamera, floor: SpaceFloor,
    opacity: Double
  ) {
    let n = system.count
    let points = (0..<n).map { point($0, in: positions) }
    let projected = points.map { camera.project($0) }
    let radius = particleWorldRadius(floor) * (n > 100 ? 0.7 : 1)
    drawShadows(points, on: &canvas, camera: camera, floor: floor, radius: radius, opacity: opacity)
    let depths = projected.compactMap { $0?.depth }
    let (near, far) = (depths.min() ?? 0, depths.max() ?? 1)
    func fog(_ depth: Double) -> Double { far > near ? 0.45 * (depth - near) / (far - near) : 0 }
    enum Item { case spring(Int), particle(Int) }
    var items: [(depth: Double, item: Item)] = []
    let springs = system.springs
    for s in 0..<springs.count {
      let (i, j) = (springs.first[s], springs.second[s])
      guard let a = projected[i], let b = projected[j] else { continue }
      items.append(((a.depth + b.depth) / 2, .spring(s)))
    }
    for i in 0..<n where projected[i] != nil { items.append((projected[i]!.depth, .particle(i))) }
    items.sort { $0.depth > $1.depth }
    let strain = Colormap.strain(saturatingAt: 0.15)
    let springWidth = 0.35 * radius
    for (depth, item) in items {
      let mist = fog(depth)
      switch item {
      case .spring(let s):
        let (i, j) = (springs.first[s], springs.second[s])
        let d = points[i] - points[j]
        let length = (d * d).sum().squareRoot()
        let rest = springs.restLength[s]
        let color = strain.color(for: rest > 0 ? (length - rest) / rest : 0)
          .interpolated(to: Self.background, by: mist).withAlpha(opacity)
        let width = min(max(camera.pixelLength(springWidth, atDepth: depth), 0.7), 3.5)
        canvas.drawLine(
          from: projected[i]!.pixel, to: projected[j]!.pixel, color: color, width: width)
      case .particle(let i):
        let base = system.isPinned[i] ? Self.ink : Color(hex: 0x3B6EA8)
        let pixels = min(max(camera.pixelLength(radius, atDepth: depth), 1.5), 24)
        canvas.fillShadedDisc(
          center: projected[i]!.pixel, radius: pixels,
          color: base.interpolated(to: Self.background, by: mist).withAlpha(opacity))
      }
    }
  }

  /// A soft shadow under every particle above the floor: darker and
  /// tighter the lower the particle, squashed by the camera's view of the
  /// floor, all in one layer (overlapping shadows do not add up, so a
  /// cloth casts one shadow rather than a black sheet).
  func drawShadows(
    _ points: [SIMD3<Double>], on canvas: inout Canvas, camera: PerspectiveCamera,
    floor: SpaceFloor, radius: Double, opacity: Double
  ) {
    let eye = camera.eye
    var shadows: [SoftShadow] = []
    for p in points where p.y >= floor.height - 1e-9 * floor.span {
      let foot = SIMD3(p.x, floor.height, p.z)
      guard let (pixel, depth) = camera.project(foot) else { continue }
      let height = (p.y - floor.height) / floor.span
      let spread = radius * (1.6 + 8 * height)
      let toEye = eye - foot
      let squash = max(abs(toEye.y) / (toEye * toEye).sum().squareRoot(), 0.12)
      let rx = camera.pixelLength(spread, atDepth: depth)
      shadows.append(
        SoftShadow(
          center: pixel, radiusX: rx, radiusY: rx * squash,
          darkness: 0.4 * opacity / (1 + 4 * height)))
    }
    canvas.fillSoftShadows(shadows)
  }
}
