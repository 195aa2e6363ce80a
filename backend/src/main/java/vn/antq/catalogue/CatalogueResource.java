package vn.antq.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
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
import vn.antq.api.model.CatalogueRef;
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
    Map<Long, CatalogueItemEntity> parents =
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
    return withEtag(
        Response.created(URI.create("/api/catalogues/" + catalogue + "/" + item.id)), item);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateCatalogueItem(
      vn.antq.api.model.Catalogue catalogue, Long id, CatalogueItemInput input, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    return withEtag(Response.ok(), catalogues.update(of(catalogue), id, expected, command(input)));
  }

  private Response withEtag(Response.ResponseBuilder builder, CatalogueItemEntity item) {
    CatalogueItemEntity parent =
        item.parentId == null ? null : catalogues.byIds(Set.of(item.parentId)).get(item.parentId);
    return builder
        .tag(new EntityTag(String.valueOf(item.version)))
        .entity(toApi(item, parent))
        .build();
  }

  static Catalogue of(vn.antq.api.model.Catalogue c) {
    return Catalogue.valueOf(c.name());
  }

  private static CatalogueService.Command command(CatalogueItemInput in) {
    return new CatalogueService.Command(
        in.getCode(), in.getName(), in.getParentId(), in.getValidFrom(), in.getValidTo());
  }

  public static CatalogueRef ref(CatalogueItemEntity item) {
    return item == null ? null : new CatalogueRef().id(item.id).code(item.code).name(item.name);
  }

  static CatalogueItem toApi(CatalogueItemEntity i, CatalogueItemEntity parent) {
    return new CatalogueItem()
        .id(i.id)
        .catalogue(vn.antq.api.model.Catalogue.valueOf(i.catalogue))
        .code(i.code)
        .name(i.name)
        .parent(ref(parent))
        .validFrom(i.validFrom)
        .validTo(i.validTo)
        .active(i.activeOn(VietnamTime.today()))
        .version(i.version);
  }
}
