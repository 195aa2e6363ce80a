package vn.antq.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.antq.api.UnitsApi;
import vn.antq.api.model.MergeRequest;
import vn.antq.api.model.UnitDetail;
import vn.antq.api.model.UnitInput;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.web.Etags;
import vn.antq.common.web.PageRequest;
import vn.antq.common.web.Tables;
import vn.antq.security.Roles;

/**
 * {@code /api/units}: the contract's {@link UnitsApi}, delegating to {@link UnitService}. Every
 * role reads (within its territory); viewers never write; only administrators and province officers
 * reorganise (merge).
 */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class UnitResource implements UnitsApi {
  @Inject UnitService units;
  @Inject UnitMerger merger;
  @Inject UnitHistory history;
  @Inject UnitSplitter splitter;

  @Override
  public Response listUnits(
      String q,
      List<vn.antq.api.model.UnitKind> kind,
      Long parentId,
      Long ancestorId,
      Boolean topLevel,
      LocalDate activeOn,
      Integer page,
      Integer size,
      String sort) {
    PageRequest pageRequest =
        PageRequest.of(page, size, sort, UnitService.SORTABLE, UnitService.DEFAULT_SORT);
    Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
    if (kind != null) {
      kind.forEach(k -> kinds.add(UnitMapper.toKind(k)));
    }
    UnitFilter filter = new UnitFilter(q, kinds, parentId, ancestorId, topLevel, activeOn);
    return Response.ok(UnitMapper.toPage(units.list(filter, pageRequest))).build();
  }

  @Override
  public Response getUnit(Long id) {
    return Etags.withEtag(
        Response.ok(), UnitMapper.toDetail(units.get(id)), UnitDetail::getVersion);
  }

  @Override
  public Response listUnitChildren(Long id, LocalDate activeOn) {
    UnitViews.Detail parent = units.get(id);
    List<UnitEntity> children = units.children(id, activeOn);
    var counts =
        units.childCounts(
            children.stream().map(c -> c.id).collect(java.util.stream.Collectors.toSet()));
    return Response.ok(UnitMapper.toList(children, counts, parent.unit().name)).build();
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response createUnit(UnitInput unitInput) {
    UnitDetail created = UnitMapper.toDetail(units.create(UnitMapper.toCommand(unitInput)));
    return Etags.withEtag(
        Response.created(URI.create("/api/units/" + created.getId())),
        created,
        UnitDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.INTEGRATION})
  public Response updateUnit(Long id, UnitInput unitInput, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return Etags.withEtag(
        Response.ok(),
        UnitMapper.toDetail(units.update(id, expected, UnitMapper.toCommand(unitInput))),
        UnitDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER})
  public Response renameUnit(Long id, vn.antq.api.model.UnitRenameInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    UnitHistory.RenameCommand cmd =
        new UnitHistory.RenameCommand(in.getName(), in.getDate(), in.getNote());
    return Etags.withEtag(
        Response.ok(),
        UnitMapper.toDetail(history.rename(id, expected, cmd)),
        UnitDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER})
  public Response mergeUnits(MergeRequest req) {
    if (req.getPredecessorIds().contains(null)) {
      throw ProblemException.badRequest("predecessorIds", "Danh sách không được chứa giá trị rỗng");
    }
    MergeCommand cmd =
        new MergeCommand(
            req.getPredecessorIds(),
            req.getSuccessorId(),
            req.getDate(),
            req.getTransferChildren() == null || req.getTransferChildren(),
            req.getNote());
    return Etags.withEtag(
        Response.ok(), UnitMapper.toDetail(merger.merge(cmd)), UnitDetail::getVersion);
  }

  @Override
  @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_OFFICER})
  public Response splitUnit(Long id, vn.antq.api.model.SplitRequest req) {
    List<UnitSplitter.Part> parts = new java.util.ArrayList<>();
    for (int i = 0; i < req.getParts().size(); i++) {
      vn.antq.api.model.SplitPart p = req.getParts().get(i);
      if (p == null || (p.getChildIds() != null && p.getChildIds().contains(null))) {
        throw ProblemException.badRequest(
            "parts[" + i + "]", "Danh sách không được chứa giá trị rỗng");
      }
      parts.add(
          new UnitSplitter.Part(
              p.getSuccessorId(),
              p.getChildIds() == null ? List.of() : p.getChildIds(),
              p.getShare() == null ? null : java.math.BigDecimal.valueOf(p.getShare())));
    }
    UnitSplitter.SplitCommand cmd =
        new UnitSplitter.SplitCommand(
            req.getDate(), req.getRetire() == null || req.getRetire(), parts, req.getNote());
    return Etags.withEtag(
        Response.ok(), UnitMapper.toDetail(splitter.split(id, cmd)), UnitDetail::getVersion);
  }

  @Override
  public Response exportUnits(
      String format,
      String q,
      List<vn.antq.api.model.UnitKind> kind,
      Long parentId,
      Long ancestorId,
      Boolean topLevel,
      LocalDate activeOn,
      String sort) {
    PageRequest check = PageRequest.of(0, 20, sort, UnitService.SORTABLE, UnitService.DEFAULT_SORT);
    Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
    if (kind != null) {
      kind.forEach(k -> kinds.add(UnitMapper.toKind(k)));
    }
    UnitFilter filter = new UnitFilter(q, kinds, parentId, ancestorId, topLevel, activeOn);
    List<List<Object>> rows =
        Tables.collect(
            n -> {
              var page =
                  UnitMapper.toPage(
                      units.list(filter, new PageRequest(n, Tables.pageSize(), check.sort())));
              return new Tables.Chunk(
                  page.getContent().stream()
                      .map(
                          u ->
                              java.util.Arrays.<Object>asList(
                                  u.getId(),
                                  u.getCode(),
                                  u.getName(),
                                  UnitMapper.toKind(u.getKind()).label(),
                                  u.getParentName(),
                                  u.getValidFrom(),
                                  u.getValidTo(),
                                  u.getChildCount()))
                      .toList(),
                  page.getTotalElements());
            });
    return Tables.download(
        format,
        "don-vi",
        "Đơn vị",
        List.of(
            "Mã định danh",
            "Mã",
            "Tên đơn vị",
            "Loại",
            "Trực thuộc",
            "Hiệu lực từ",
            "Hiệu lực đến",
            "Số đơn vị trực thuộc"),
        rows);
  }
}
