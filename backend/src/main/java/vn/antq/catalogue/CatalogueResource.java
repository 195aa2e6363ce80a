package vn.antq.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.antq.api.CataloguesApi;
import vn.antq.api.model.CatalogueItem;
import vn.antq.api.model.CatalogueItemInput;
import vn.antq.common.time.VietnamTime;
import vn.antq.common.web.Etags;
import vn.antq.security.Roles;

/** {@code /api/catalogues/{catalogue}}: every role reads, administrators write. */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class CatalogueResource implements CataloguesApi {
  @Inject CatalogueService catalogues;

  @Override
  public Response listCatalogueItems(
      vn.antq.api.model.Catalogue catalogue, LocalDate activeOn, Long parentId) {
    List<CatalogueItemEntity> items = catalogues.list(of(catalogue), activeOn, parentId);
    Map<Long, CatalogueEntry> parents =
        catalogues.byIds(
            items.stream()
                .map(i -> i.parentId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    return Response.ok(
            items.stream()
                .map(i -> toApi(i, i.parentId == null ? null : parents.get(i.parentId)))
                .toList())
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response createCatalogueItem(
      vn.antq.api.model.Catalogue catalogue, CatalogueItemInput input) {
    CatalogueItemEntity item = catalogues.create(of(catalogue), command(input));
    return tagged(
        Response.created(URI.create("/api/catalogues/" + catalogue + "/" + item.id)), item);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateCatalogueItem(
      vn.antq.api.model.Catalogue catalogue, Long id, CatalogueItemInput input, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return tagged(Response.ok(), catalogues.update(of(catalogue), id, expected, command(input)));
  }

  /** An item with its parent, its version as the entity tag. */
  private Response tagged(Response.ResponseBuilder builder, CatalogueItemEntity item) {
    CatalogueEntry parent =
        item.parentId == null ? null : catalogues.byIds(Set.of(item.parentId)).get(item.parentId);
    return Etags.withEtag(builder, toApi(item, parent), CatalogueItem::getVersion);
  }

  static Catalogue of(vn.antq.api.model.Catalogue c) {
    return Catalogue.valueOf(c.name());
  }

  private static CatalogueService.Command command(CatalogueItemInput in) {
    return new CatalogueService.Command(
        in.getCode(), in.getName(), in.getParentId(), in.getValidFrom(), in.getValidTo());
  }

  static CatalogueItem toApi(CatalogueItemEntity i, CatalogueEntry parent) {
    return new CatalogueItem()
        .id(i.id)
        .catalogue(vn.antq.api.model.Catalogue.valueOf(i.catalogue))
        .code(i.code)
        .name(i.name)
        .parent(CatalogueEntry.ref(parent))
        .validFrom(i.validFrom)
        .validTo(i.validTo)
        .active(i.activeOn(VietnamTime.today()))
        .version(i.version);
  }
}
