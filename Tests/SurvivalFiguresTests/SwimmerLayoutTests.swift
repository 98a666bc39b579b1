import FigureCore
import Testing

@testable import SurvivalFigures

/// Six patients in two groups with events of three kinds, built by hand.
private func sampleFigure(options: SwimmerFigureOptions = .init()) -> SwimmerFigure {
  typealias Event = SwimmerLane.Event
  let lanes = [
    SwimmerLane(id: "P1", group: 0, end: 6, events: [Event(time: 2, kind: 0), Event(time: 6, kind: 1)]),
    SwimmerLane(
      id: "P2", group: 0, end: 14, isOngoing: true, responses: [.init(start: 3, end: 14)],
      events: [Event(time: 3, kind: 0)]),
    SwimmerLane(id: "P3", group: 1, end: 9, events: [Event(time: 9, kind: 2)]),
    SwimmerLane(id: "P4", group: 0, start: 1, end: 4),
    SwimmerLane(id: "P5", group: 1, end: 20, isOngoing: true),
    SwimmerLane(id: "P6", group: 1, end: 9),
  ]
  let kinds = ["PR", "PD", "Death"].enumerated().map { SwimmerEventKind.automatic(label: $1, index: $0) }
  return SwimmerFigure(lanes: lanes, groups: ["Anthracycline", "MTX-V"], eventKinds: kinds, options: options)
}

/// The drawing commands of a lane's marker centred at `centre` (the bar, spans and arrow are
/// centred elsewhere).
private func markerCommands(_ layout: SwimmerLayout, lane id: String, at centre: Point) -> [DrawCommand] {
  (layout.scene.group(named: "lane:\(id)") ?? []).filter { command in
    let path: Path
    switch command {
    case .fill(let p, _), .stroke(let p, _): path = p
    default: return false
    }
    guard let b = path.bounds else { return false }
    return abs(b.midX - centre.x) < 1e-6 && abs(b.midY - centre.y) < 1.5
  }
}

/// Every text box of a scene, measured like the layout measured it.
private func textBoxes(_ scene: Scene, _ measurer: some TextMeasuring) -> [(String, Rect)] {
  scene.texts.map { run, point in (run.text.plainText, measurer.bounds(of: run, at: point)) }
}

@Suite("Swimmer plot layout")
struct SwimmerLayoutTests {
  let measurer = MonospaceTextMeasurer()

  @Test("lanes go group by group, the longest bar first; 'given' keeps the file order")
  func order() {
    let layout = sampleFigure().layout(measurer: measurer)
    #expect(layout.lanes.map(\.id) == ["P2", "P1", "P4", "P5", "P3", "P6"])
    let ys = layout.lanes.map(\.bar.midY)
    #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 })
    let given = sampleFigure(options: .init(order: .given)).layout(measurer: measurer)
    #expect(given.lanes.map(\.id) == ["P1", "P2", "P4", "P3", "P5", "P6"])
  }

  @Test("bars start and end at the mapped times; markers sit at their event times")
  func barsAndMarkers() {
    let figure = sampleFigure()
    let layout = figure.layout(measurer: measurer)
    let x = layout.xScale
    for lane in layout.lanes {
      let data = figure.lanes[lane.index]
      #expect(abs(lane.bar.minX - x.map(data.start)) < 1e-9)
      #expect(abs(lane.bar.width - (x.map(data.end) - x.map(data.start))) < 1e-9)
      #expect(lane.markers.map(\.x) == data.events.map { x.map($0.time) })
      #expect(lane.markers.allSatisfy { abs($0.y - lane.bar.midY) < 1e-9 })
    }
    // One time unit is the same length everywhere: bar widths are proportional to lengths.
    let unit = x.map(1) - x.map(0)
    let p5 = layout.lanes.first { $0.id == "P5" }
    #expect(abs((p5?.bar.width ?? 0) - 20 * unit) < 1e-9)
    #expect(layout.xBreaks.first == 0)
    #expect((layout.xBreaks.last ?? 0) >= 20)
  }

  @Test("the legend lists every group, every event kind, the response line and 'Ongoing'")
  func legendComplete() throws {
    let layout = sampleFigure().layout(measurer: measurer)
    #expect(layout.legendLabels == ["Anthracycline", "MTX-V", "PR", "PD", "Death", "Response duration", "Ongoing"])
    let legend = try #require(layout.scene.group(named: "legend"))
    let texts = legend.flatMap(\.texts).map { $0.0.text.plainText }
    #expect(texts == layout.legendLabels)
  }

  @Test("groups are told apart by pattern as well as colour")
  func patterns() {
    let layout = sampleFigure().layout(measurer: measurer)
    var paints: [String: Paint] = [:]
    for command in layout.scene.group(named: "lanes") ?? [] {
      guard case .group(let name, let children) = command, case .fill(_, let paint)? = children.first else { continue }
      paints[name] = paint
    }
    guard case .solid? = paints["lane:P1"], case .pattern(let hatch)? = paints["lane:P5"] else {
      Issue.record("group 1 should be solid and group 2 hatched: \(paints)")
      return
    }
    #expect(hatch.kind == .hatch)
  }

  @Test("no text overlaps another and nothing leaves the page", arguments: [6, 40, 250, 500])
  func noOverlap(patients: Int) {
    var lanes: [SwimmerLane] = []
    for i in 0..<patients {
      lanes.append(
        SwimmerLane(
          id: "PT-\(i + 1)", group: i % 3, end: Double((i * 37) % 59 + 1), isOngoing: i % 4 == 0,
          events: [.init(time: 0.5, kind: i % 2)]))
    }
    let kinds = [SwimmerEventKind.automatic(label: "PR", index: 0), .automatic(label: "PD", index: 0)]
    let figure = SwimmerFigure(
      lanes: lanes, groups: ["A", "M", "O"], eventKinds: kinds,
      options: .init(title: "Progression-free survival by RECIST", xTitle: "Time (months)"))
    let layout = figure.layout(measurer: measurer)
    let page = Rect(origin: .zero, size: layout.scene.size)
    let boxes = textBoxes(layout.scene, measurer)
    for (text, box) in boxes { #expect(page.contains(box, tolerance: 0.01), "\(text) at \(box)") }
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        #expect(!boxes[i].1.intersects(boxes[j].1), "\(boxes[i].0) overlaps \(boxes[j].0)")
      }
    }
    for lane in layout.lanes { #expect(page.contains(lane.bar)) }
    // Identifiers are printed while the lanes can hold legible type, and dropped beyond: 250
    // and 500 patients fill the tallest natural height with lanes too close for 6 pt type.
    #expect(layout.showsIdentifiers == (patients <= 40))
    let identifierSizes = (layout.scene.group(named: "identifiers") ?? []).flatMap(\.texts).map(\.0.font.size)
    #expect(identifierSizes.allSatisfy { $0 >= 6 })
  }

  @Test("the page grows with the number of patients unless a height is given")
  func heightGrows() {
    func figure(_ n: Int, height: Double? = nil) -> SwimmerLayout {
      let lanes = (0..<n).map { SwimmerLane(id: "P\($0)", end: Double($0 + 1)) }
      return SwimmerFigure(lanes: lanes, options: .init(height: height)).layout(measurer: measurer)
    }
    #expect(figure(10).scene.size.height < figure(40).scene.size.height)
    #expect(figure(40).scene.size.height < figure(120).scene.size.height)
    #expect(figure(120, height: 300).scene.size.height == 300)
    #expect(figure(120, height: 300).plotRect.maxY < 300)
  }

  @Test("ongoing lanes get an arrow beyond the bar; response spans run above the bar")
  func arrowsAndSpans() throws {
    let layout = sampleFigure().layout(measurer: measurer)
    let lane = try #require(layout.lanes.first { $0.id == "P2" })
    let commands = try #require(layout.scene.group(named: "lane:P2"))
    var arrowFound = false
    var spanFound = false
    for command in commands {
      if case .fill(let path, _) = command, let b = path.bounds, b.minX >= lane.bar.maxX, b.midY == lane.bar.midY {
        arrowFound = true
      }
      if case .stroke(let path, _) = command, let b = path.bounds, b.height == 0, b.maxY < lane.bar.minY {
        spanFound = abs(b.minX - layout.xScale.map(3)) < 1e-9 && abs(b.maxX - layout.xScale.map(14)) < 1e-9
      }
    }
    #expect(arrowFound)
    #expect(spanFound)
  }

  @Test("month axes use steps of 3, 6 or 12 when given as candidates")
  func monthSteps() {
    let layout = sampleFigure(options: .init(breakSteps: [1, 3, 6, 12, 24])).layout(measurer: measurer)
    let steps = zip(layout.xBreaks, layout.xBreaks.dropFirst()).map { $1 - $0 }
    #expect(Set(steps).count == 1)
    #expect([3.0, 6, 12].contains(steps.first ?? 0))
  }

  @Test(
    "the axis ends within one break of the longest bar, at most a tenth of it past the bars (bars to 122 months: 0–125, not 0–144)",
    arguments: [85.0, 120, 170])
  func axisEndsNearBars(widthMM: Double) throws {
    let months: [Double] = [1, 2, 3, 6, 12, 24, 36, 60, 120]
    let lanes = [122, 96.5, 61, 40, 12.5, 3].enumerated().map { index, end in
      SwimmerLane(id: "P\(index + 1)", group: index % 2, end: end)
    }
    let options = SwimmerFigureOptions(width: widthMM.millimetres, breakSteps: months)
    let layout = SwimmerFigure(lanes: lanes, groups: ["A", "B"], options: options).layout(measurer: measurer)
    let breaks = layout.xBreaks
    let step = try #require(breaks.dropFirst().first)
    #expect(breaks.first == 0)
    #expect(zip(breaks, breaks.dropFirst()).allSatisfy { abs($1 - $0 - step) < 1e-9 }, "\(breaks)")
    let end = try #require(breaks.last)
    #expect(end >= 122 && end - 122 < step, "\(widthMM) mm: \(breaks)")
    #expect(end - 122 <= 0.1 * end, "\(widthMM) mm: \(breaks)")
    // On the scene: the axis ends at the last break, whose label is the last tick label, and the
    // longest bar ends within one break of the axis's end.
    #expect(layout.xScale.domain.upperBound == end)
    #expect(abs(layout.xScale.map(end) - layout.plotRect.maxX) < 1e-9)
    let labels = (layout.scene.group(named: "axes") ?? []).flatMap(\.texts).map { $0.0.text.plainText }
    #expect(Array(labels.prefix(breaks.count)) == breaks.map { JournalFormat.tick($0) })
    let longest = try #require(layout.lanes.first { $0.id == "P1" })
    #expect(layout.plotRect.maxX - longest.bar.maxX < layout.xScale.map(step) - layout.xScale.map(0))
    if widthMM == 170 { #expect(breaks == [0, 25, 50, 75, 100, 125]) }
  }

  @Test(
    "markers are ink over a white halo, never in a bar colour, in colour and in grayscale", arguments: [false, true])
  func markersLegibleOnBars(grayscale: Bool) throws {
    let theme = FigureTheme(palette: grayscale ? FigureTheme.grayscale : FigureTheme.okabeIto)
    let kinds = ["CR", "PR", "SD", "PD", "Death", "Dose reduction"].enumerated().map {
      SwimmerEventKind.automatic(label: $1, index: $0 == 5 ? 0 : $0)
    }
    let lanes = (0..<3).map { g in
      SwimmerLane(
        id: "P\(g)", group: g, end: 30, events: (0..<6).map { SwimmerLane.Event(time: Double(2 + 5 * $0), kind: $0) })
    }
    let figure = SwimmerFigure(lanes: lanes, groups: ["A", "M", "O"], eventKinds: kinds, options: .init(theme: theme))
    let layout = figure.layout(measurer: measurer)
    // Every colour a bar is painted with: its solid tint, or its motif and background.
    var barColours: Set<Color> = []
    for lane in layout.lanes {
      guard case .fill(_, let paint)? = layout.scene.group(named: "lane:\(lane.id)")?.first else { continue }
      switch paint {
      case .solid(let c): barColours.insert(c)
      case .pattern(let p): barColours.formUnion([p.foreground] + (p.background.map { [$0] } ?? []))
      }
    }
    #expect(barColours.count >= 4)
    if !grayscale { barColours.formUnion((0..<3).map { SwimmerBarStyle.automatic($0, theme: theme).color }) }
    for lane in layout.lanes {
      #expect(lane.markers.count == 6)
      for centre in lane.markers {
        let commands = markerCommands(layout, lane: lane.id, at: centre)
        // First a white halo stroke wider than the ink, then the marker in black (and white).
        guard case .stroke(_, let halo)? = commands.first else {
          Issue.record("\(lane.id): no halo under the marker at \(centre)")
          continue
        }
        #expect(halo.color == .white && halo.width >= 1)
        var inks: Set<Color> = []
        for command in commands.dropFirst() {
          if case .fill(_, .solid(let c)) = command { inks.insert(c) }
          if case .stroke(_, let style) = command { inks.insert(style.color) }
        }
        #expect(inks.subtracting([.white]) == [.black], "\(lane.id): \(inks)")
        #expect(inks.isDisjoint(with: barColours))
      }
    }
  }

  /// The example data's patients P12 (PD and death at 9.2 months) and P33 (at 1.5).
  @Test("markers at the same time are set side by side, PD before death, around their time and within the axis")
  func coincidentMarkers() throws {
    let kinds = ["PR", "PD", "Death"].enumerated().map { SwimmerEventKind.automatic(label: $1, index: $0) }
    let lanes = [
      SwimmerLane(
        id: "P12", end: 9.2, events: [.init(time: 9.2, kind: 2), .init(time: 9.2, kind: 1), .init(time: 4, kind: 0)]),
      SwimmerLane(id: "P33", end: 0.1, events: [.init(time: 0.1, kind: 1), .init(time: 0.1, kind: 2)]),
      SwimmerLane(id: "P08", end: 60),
    ]
    let layout = SwimmerFigure(lanes: lanes, eventKinds: kinds).layout(measurer: measurer)
    let x = layout.xScale
    let p12 = try #require(layout.lanes.first { $0.id == "P12" })
    let (death, pd, pr) = (p12.markers[0], p12.markers[1], p12.markers[2])
    #expect(pr.x == x.map(4))
    #expect(pd.x < death.x)
    #expect(abs((pd.x + death.x) / 2 - x.map(9.2)) < 1e-9)
    func inkBounds(_ lane: String, _ centre: Point) -> Rect? {
      markerCommands(layout, lane: lane, at: centre).dropFirst().compactMap { command -> Rect? in
        if case .fill(let path, _) = command { return path.bounds }
        if case .stroke(let path, _) = command { return path.bounds }
        return nil
      }.reduce(nil) { box, next in box.map { $0.union(next) } ?? next }
    }
    let pdBox = try #require(inkBounds("P12", pd))
    let deathBox = try #require(inkBounds("P12", death))
    #expect(pdBox.maxX + 1 < deathBox.minX, "PD \(pdBox) and death \(deathBox) overlap")
    #expect(pd.y == death.y && pd.y == p12.bar.midY)
    // Near time 0 the pair moves right rather than over the y axis.
    let p33 = try #require(layout.lanes.first { $0.id == "P33" })
    let first = try #require(inkBounds("P33", p33.markers[0]))
    #expect(first.minX >= layout.plotRect.minX)
    #expect(p33.markers[0].x < p33.markers[1].x)
  }
}
